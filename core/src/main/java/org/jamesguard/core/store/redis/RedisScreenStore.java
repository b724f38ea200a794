package org.jamesguard.core.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.StoreJson;

import io.lettuce.core.ScriptOutputType;

/**
 * The screen in Redis, shared by every James node: one hash of IP to entry, with a sorted set of expiries that
 * {@code screen-put.lua} uses to drop expired entries and, past {@code maxEntries}, to evict those that expire
 * soonest; both expire when their last entry does. Activity is
 * decided here on the time passed in; Redis only cleans up. One round trip per operation.
 */
final class RedisScreenStore implements ScreenStore {
    private static final RedisScript PUT = RedisScript.load("screen-put", ScriptOutputType.INTEGER);

    private final RedisConnection redis;
    private final RedisKeys keys;
    private final int maxEntries;
    private final Runnable evicted;

    RedisScreenStore(RedisConnection redis, RedisKeys keys, int maxEntries, Runnable evicted) {
        this.redis = redis;
        this.keys = keys;
        this.maxEntries = maxEntries;
        this.evicted = evicted;
    }

    @Override
    public void put(ScreenEntry entry) {
        long timeToLive = Math.max(1, Duration.between(entry.since(), entry.expires()).toMillis());
        long evictions = redis.call("screen an IP", commands -> PUT.<Long>run(commands, keys.screen(), entry.ip(),
            StoreJson.write(StoreJson.screenEntry(entry)), Long.toString(entry.expires().toEpochMilli()),
            Long.toString(entry.since().toEpochMilli()), Long.toString(timeToLive), Integer.toString(maxEntries)));
        for (long i = 0; i < evictions; i++) {
            evicted.run();
        }
    }

    @Override
    public Optional<ScreenEntry> find(String ip, Instant now) {
        String json = redis.call("find a screened IP", commands -> commands.hget(entries(), ip));
        return Optional.ofNullable(json).map(RedisScreenStore::decode).filter(entry -> entry.isActive(now));
    }

    @Override
    public boolean remove(String ip) {
        redis.call("remove a screened IP's expiry", commands -> commands.zrem(keys.screen().get(1), ip));
        return redis.call("remove a screened IP", commands -> commands.hdel(entries(), ip)) > 0;
    }

    @Override
    public List<ScreenEntry> list(Instant now) {
        List<String> all = redis.call("list the screen", commands -> commands.hvals(entries()));
        return all.stream().map(RedisScreenStore::decode).filter(entry -> entry.isActive(now))
            .sorted(Comparator.comparing(ScreenEntry::ip)).collect(Collectors.toUnmodifiableList());
    }

    private String entries() {
        return keys.screen().get(0);
    }

    private static ScreenEntry decode(String json) {
        return StoreJson.screenEntry(StoreJson.read(json));
    }
}
