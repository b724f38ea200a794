package org.jamesguard.core.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.store.ScreenStoreContract;
import org.jamesguard.core.store.StoreConfig;
import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.RecordingMetrics;
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
    private final List<Stores> opened = new ArrayList<>();
    private RedisServer server;
    private String keyPrefix;
    private Stores stores;
    private RecordingMetrics metrics = new RecordingMetrics();

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        keyPrefix = "test-" + UUID.randomUUID() + ":";
        metrics = new RecordingMetrics();
        stores = connect(keyPrefix, "2s");
    }

    /** The stores of another James node sharing this test's Redis and key prefix; closed after the test. */
    public Stores anotherNode() {
        return connect(keyPrefix, "2s");
    }

    /** Stores on this test's Redis, as jamesguard.xml would configure them; closed after the test. */
    public Stores connect(String prefix, String timeout) {
        Stores connected = RedisStores.connect(config(server.uri(), prefix, timeout),
            StoreLimits.of(ScreenStoreContract.MAX_ENTRIES, metrics));
        opened.add(connected);
        return connected;
    }

    static StoreConfig.RedisConfig config(String uri, String keyPrefix, String timeout) {
        return StoreConfig.parse(ConfigReader.of(XmlConfigs.parse("<store><backend>redis</backend><redis><uri>" + uri
            + "</uri><keyPrefix>" + keyPrefix + "</keyPrefix><timeout>" + timeout + "</timeout></redis></store>"), "<store>"))
            .redis().orElseThrow();
    }

    public Stores stores() {
        return stores;
    }

    /** Counts the evictions of this test's stores. */
    public RecordingMetrics metrics() {
        return metrics;
    }

    public RedisServer server() {
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(Stores::close);
        opened.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
