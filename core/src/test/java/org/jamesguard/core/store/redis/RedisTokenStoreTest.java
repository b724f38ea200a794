package org.jamesguard.core.store.redis;

import org.jamesguard.core.store.TokenStore;
import org.jamesguard.core.store.TokenStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TokenStore} contract on a real Redis. */
class RedisTokenStoreTest implements TokenStoreContract {
    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public TokenStore testee() {
        return redis.stores().tokens();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
