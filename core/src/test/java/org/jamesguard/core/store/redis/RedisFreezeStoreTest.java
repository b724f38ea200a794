package org.jamesguard.core.store.redis;

import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.FreezeStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link FreezeStore} contract on a real Redis. */
class RedisFreezeStoreTest implements FreezeStoreContract {
    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public FreezeStore testee() {
        return redis.stores().freezes();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
