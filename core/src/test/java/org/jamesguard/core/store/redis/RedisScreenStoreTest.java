package org.jamesguard.core.store.redis;

import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.ScreenStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ScreenStore} contract on a real Redis. */
class RedisScreenStoreTest implements ScreenStoreContract {
    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public ScreenStore testee() {
        return redis.stores().screen();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long evictions() {
        return redis.metrics().count("jamesguard_store_evictions_screen");
    }
}
