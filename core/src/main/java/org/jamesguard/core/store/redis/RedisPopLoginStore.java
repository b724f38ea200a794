package org.jamesguard.core.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.store.PopLoginStore;

import io.lettuce.core.ScriptOutputType;

/**
 * POP3 logins in Redis, so POP-before-SMTP works whichever node the client used: one key per IP holding its
 * latest login, kept a day ({@code pop-login.lua} keeps the later of two logins in one round trip).
 */
final class RedisPopLoginStore implements PopLoginStore {
    static final Duration KEEP = Duration.ofDays(1);
    private static final RedisScript RECORD = RedisScript.load("pop-login", ScriptOutputType.INTEGER);

    private final RedisConnection redis;
    private final RedisKeys keys;

    RedisPopLoginStore(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public void recordLogin(String ip, Instant at) {
        redis.call("record a POP3 login", commands -> RECORD.run(commands, List.of(keys.popLogin(ip)), encode(at),
            Long.toString(KEEP.toMillis())));
    }

    @Override
    public Optional<Instant> lastLogin(String ip) {
        return Optional.ofNullable(redis.call("find a POP3 login", commands -> commands.get(keys.popLogin(ip))))
            .map(RedisPopLoginStore::decode);
    }

    /** Fixed-width seconds and nanoseconds, so that comparing the texts compares the instants. */
    static String encode(Instant at) {
        return String.format("%020d.%09d", at.getEpochSecond(), at.getNano());
    }

    static Instant decode(String text) {
        String[] parts = text.split("\\.");
        return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }
}
