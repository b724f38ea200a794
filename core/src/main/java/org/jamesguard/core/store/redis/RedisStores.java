package org.jamesguard.core.store.redis;

import org.jamesguard.core.store.StoreConfig.RedisConfig;
import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.store.Stores;

/**
 * Every store in Redis, for several James nodes behind one MX: they count, screen and freeze together. Nothing is
 * kept on the node: a restart of James loses nothing, and Redis's own persistence decides what a restart of
 * Redis keeps.
 */
public final class RedisStores {
    private RedisStores() {
    }

    /** Connects to Redis; James starts even when Redis is down (the failure policy applies until it is up). */
    public static Stores connect(RedisConfig config, StoreLimits limits) {
        RedisConnection redis = RedisConnection.open(config).connectEagerly();
        RedisKeys keys = new RedisKeys(config.keyPrefix());
        return new Stores(new RedisScreenStore(redis, keys, limits.maxEntries(), limits.evictions("screen")), new RedisCounterStore(redis, keys), new RedisDistinctStore(redis, keys),
            new RedisFreezeStore(redis, keys), new RedisTokenStore(redis, keys), new RedisPopLoginStore(redis, keys), redis);
    }
}
