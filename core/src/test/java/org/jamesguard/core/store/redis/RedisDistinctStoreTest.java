package org.jamesguard.core.store.redis;

import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.DistinctStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DistinctStore} contract on a real Redis. */
class RedisDistinctStoreTest implements DistinctStoreContract {
    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public DistinctStore testee() {
        return redis.stores().distinct();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
