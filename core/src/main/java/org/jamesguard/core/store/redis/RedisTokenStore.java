package org.jamesguard.core.store.redis;

import java.time.Duration;
import java.time.Instant;

import org.jamesguard.core.store.TokenStore;

import io.lettuce.core.SetArgs;

/** Used tokens in Redis: one key per token, set only if absent (SET NX), expiring with the token. */
final class RedisTokenStore implements TokenStore {
    private final RedisConnection redis;
    private final RedisKeys keys;

    RedisTokenStore(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean use(String tokenId, Instant expires, Instant now) {
        long timeToLive = Math.max(1, Duration.between(now, expires).toMillis());
        String set = redis.call("use a token", commands -> commands.set(keys.token(tokenId), expires.toString(),
            SetArgs.Builder.nx().px(timeToLive)));
        return set != null;
    }
}
