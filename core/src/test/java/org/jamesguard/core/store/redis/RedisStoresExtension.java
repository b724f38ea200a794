package org.jamesguard.core.store.redis;

import java.util.UUID;

import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.store.StoreConfig;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.XmlConfigs;
import org.jamesguard.testing.redis.RedisServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for a test class, and before each test fresh Redis {@link Stores} under a key prefix of their own,
 * so every test starts empty: {@code @RegisterExtension static RedisStoresExtension redis = new RedisStoresExtension();}
 */
public final class RedisStoresExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private RedisServer server;
    private Stores stores;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stores = connect("test-" + UUID.randomUUID() + ":", "2s");
    }

    /** Stores on this test's Redis, as jamesguard.xml would configure them. */
    public Stores connect(String keyPrefix, String timeout) {
        return RedisStores.connect(config(server.uri(), keyPrefix, timeout));
    }

    static StoreConfig.RedisConfig config(String uri, String keyPrefix, String timeout) {
        return StoreConfig.parse(ConfigReader.of(XmlConfigs.parse("<store><backend>redis</backend><redis><uri>" + uri
            + "</uri><keyPrefix>" + keyPrefix + "</keyPrefix><timeout>" + timeout + "</timeout></redis></store>"), "<store>"))
            .redis().orElseThrow();
    }

    public Stores stores() {
        return stores;
    }

    public RedisServer server() {
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stores.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
