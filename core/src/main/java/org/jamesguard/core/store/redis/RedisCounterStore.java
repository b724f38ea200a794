package org.jamesguard.core.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.SlidingWindow;

import io.lettuce.core.ScriptOutputType;

/**
 * Counters in Redis, shared by every James node: each operation is one atomic script ({@code counter.lua}) over
 * the buckets of {@link SlidingWindow}, numbered by the time passed in, so two nodes counting one key never
 * overshoot a limit. An idle key expires one bucket after its window.
 */
final class RedisCounterStore implements CounterStore {
    private static final RedisScript SCRIPT = RedisScript.load("counter", ScriptOutputType.MULTI);

    private final RedisConnection redis;
    private final RedisKeys keys;

    RedisCounterStore(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Acquisition tryAcquire(String key, long amount, long limit, Duration window, Instant now) {
        List<Object> result = run("acquire", key, amount, limit, window, now);
        long count = (Long) result.get(1);
        return (Long) result.get(0) == 1 ? Acquisition.acquired(count) : Acquisition.refused(count);
    }

    @Override
    public long increment(String key, long amount, Duration window, Instant now) {
        return (Long) run("increment", key, amount, 0, window, now).get(1);
    }

    @Override
    public long count(String key, Duration window, Instant now) {
        return (Long) run("count", key, 0, 0, window, now).get(1);
    }

    @Override
    public void delete(String key) {
        redis.call("delete a counter", commands -> commands.del(keys.counter(key)));
    }

    private List<Object> run(String operation, String key, long amount, long limit, Duration window, Instant now) {
        long bucketMillis = SlidingWindow.bucketMillis(window);
        long timeToLive = (SlidingWindow.BUCKETS + 2) * bucketMillis;
        return redis.call(operation + " a counter", commands -> SCRIPT.run(commands, List.of(keys.counter(key)), operation,
            Long.toString(amount), Long.toString(limit), Long.toString(SlidingWindow.bucketOf(now, bucketMillis)),
            Integer.toString(SlidingWindow.BUCKETS), Long.toString(timeToLive)));
    }
}
