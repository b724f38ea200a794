package org.jamesguard.core.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.DistinctStore;

import io.lettuce.core.ScriptOutputType;

/**
 * Distinct members in Redis, shared by every James node: each operation is one atomic script
 * ({@code distinct.lua}), so concurrent admissions on several nodes never go past the max. A key keeps every
 * member its max can need, and without a max only the {@value #UNLIMITED_KEEP} most recent, as in memory; an
 * idle key expires after its window.
 */
final class RedisDistinctStore implements DistinctStore {
    static final int UNLIMITED_KEEP = 100;
    private static final RedisScript SCRIPT = RedisScript.load("distinct", ScriptOutputType.MULTI);

    private final RedisConnection redis;
    private final RedisKeys keys;

    RedisDistinctStore(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Acquisition admit(String key, String member, int max, Duration window, Instant now) {
        int keep = max == Integer.MAX_VALUE ? UNLIMITED_KEEP : Math.max(max, UNLIMITED_KEEP);
        List<Object> result = redis.call("admit to a distinct set", commands -> SCRIPT.run(commands, keys.distinct(key),
            "admit", Long.toString(micros(now.minus(window))), member, Integer.toString(max), Long.toString(micros(now)),
            Integer.toString(keep), Long.toString(Math.max(1, window.toMillis()))));
        long size = (Long) result.get(1);
        return (Long) result.get(0) == 1 ? Acquisition.acquired(size) : Acquisition.refused(size);
    }

    @Override
    public List<String> members(String key, Duration window, Instant now) {
        List<String> members = redis.call("list a distinct set", commands -> SCRIPT.run(commands, keys.distinct(key),
            "members", Long.toString(micros(now.minus(window)))));
        return List.copyOf(members);
    }

    @Override
    public void delete(String key) {
        redis.call("delete a distinct set", commands -> commands.del(keys.distinct(key).toArray(new String[0])));
    }

    /** Microseconds since the epoch: exact in Lua's numbers, finer than any window. */
    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
