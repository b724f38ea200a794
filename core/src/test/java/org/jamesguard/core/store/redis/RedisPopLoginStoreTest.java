package org.jamesguard.core.store.redis;

import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.PopLoginStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PopLoginStore} contract on a real Redis. */
class RedisPopLoginStoreTest implements PopLoginStoreContract {
    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public PopLoginStore testee() {
        return redis.stores().popLogins();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
