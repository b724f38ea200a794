package org.jamesguard.core.store.redis;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.CounterStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CounterStore} contract on a real Redis. */
class RedisCounterStoreTest implements CounterStoreContract {
    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public CounterStore testee() {
        return redis.stores().counters();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
