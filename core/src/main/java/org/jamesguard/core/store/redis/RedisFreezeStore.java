package org.jamesguard.core.store.redis;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.StoreJson;

import io.lettuce.core.ScriptOutputType;

/**
 * Frozen accounts in Redis, shared by every James node: a hash of account to record and one of freeze id to
 * account, changed together by scripts. A freeze is lifted explicitly, never by a TTL: its keys do not expire.
 * One round trip per operation.
 */
final class RedisFreezeStore implements FreezeStore {
    private static final RedisScript FREEZE = RedisScript.load("freeze", ScriptOutputType.INTEGER);
    private static final RedisScript FIND_BY_ID = RedisScript.load("freeze-find-by-id", ScriptOutputType.VALUE);
    private static final RedisScript UNFREEZE = RedisScript.load("unfreeze", ScriptOutputType.INTEGER);

    private final RedisConnection redis;
    private final RedisKeys keys;

    RedisFreezeStore(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean freeze(FreezeRecord record) {
        Long frozen = redis.call("freeze an account", commands -> FREEZE.run(commands, keys.freezes(), record.account(),
            record.id(), StoreJson.write(StoreJson.freezeRecord(record))));
        return frozen == 1;
    }

    @Override
    public Optional<FreezeRecord> find(String account) {
        String json = redis.call("find a freeze", commands -> commands.hget(records(), account));
        return Optional.ofNullable(json).map(RedisFreezeStore::decode);
    }

    @Override
    public Optional<FreezeRecord> findById(String freezeId) {
        String json = redis.call("find a freeze by id", commands -> FIND_BY_ID.run(commands, keys.freezes(), freezeId));
        return Optional.ofNullable(json).map(RedisFreezeStore::decode).filter(record -> record.id().equals(freezeId));
    }

    @Override
    public boolean unfreeze(FreezeRecord record) {
        Long lifted = redis.call("unfreeze an account", commands -> UNFREEZE.run(commands, keys.freezes(), record.account(),
            record.id()));
        return lifted == 1;
    }

    @Override
    public List<FreezeRecord> list() {
        return all(record -> true);
    }

    @Override
    public List<FreezeRecord> expired(Instant now) {
        return all(record -> !record.isActive(now));
    }

    private List<FreezeRecord> all(Predicate<FreezeRecord> filter) {
        List<String> all = redis.call("list the freezes", commands -> commands.hvals(records()));
        return all.stream().map(RedisFreezeStore::decode).filter(filter)
            .sorted(Comparator.comparing(FreezeRecord::account)).collect(Collectors.toUnmodifiableList());
    }

    private String records() {
        return keys.freezes().get(0);
    }

    private static FreezeRecord decode(String json) {
        return StoreJson.freezeRecord(StoreJson.read(json));
    }
}
