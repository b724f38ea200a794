package org.jamesguard.core.store.redis;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jamesguard.core.auth.PopLoginStore;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.StoreConfig.RedisConfig;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.store.TokenStore;

/**
 * Every store in Redis, for several James nodes behind one MX: they count, screen and freeze together. Nothing is
 * kept on the node: a restart of James loses nothing, and Redis's own persistence decides what a restart of
 * Redis keeps.
 */
public final class RedisStores implements Stores {
    private final RedisConnection redis;
    private final ScreenStore screen;
    private final CounterStore counters;
    private final DistinctStore distinct;
    private final FreezeStore freezes;
    private final TokenStore tokens;
    private final PopLoginStore popLogins;

    private RedisStores(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.screen = new RedisScreenStore(redis, keys);
        this.counters = new RedisCounterStore(redis, keys);
        this.distinct = new RedisDistinctStore(redis, keys);
        this.freezes = new RedisFreezeStore(redis, keys);
        this.tokens = new RedisTokenStore(redis, keys);
        this.popLogins = new RedisPopLoginStore(redis, keys);
    }

    /** Connects to Redis; James starts even when Redis is down (the failure policy applies until it is up). */
    public static RedisStores connect(RedisConfig config) {
        return new RedisStores(RedisConnection.open(config).connectEagerly(), new RedisKeys(config.keyPrefix()));
    }

    @Override
    public ScreenStore screen() {
        return screen;
    }

    @Override
    public CounterStore counters() {
        return counters;
    }

    @Override
    public DistinctStore distinct() {
        return distinct;
    }

    @Override
    public FreezeStore freezes() {
        return freezes;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public PopLoginStore popLogins() {
        return popLogins;
    }

    @Override
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("redis", redis.description());
        try {
            redis.call("ping", commands -> commands.ping());
            health.put("reachable", true);
        } catch (StoreUnavailableException e) {
            health.put("reachable", false);
            health.put("error", e.getMessage());
        }
        return health;
    }

    @Override
    public void close() {
        redis.close();
    }
}
