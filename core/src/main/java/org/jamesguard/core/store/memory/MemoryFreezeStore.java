package org.jamesguard.core.store.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.store.FreezeStore;

/** Frozen accounts in memory: lost on restart. */
public final class MemoryFreezeStore implements FreezeStore {
    private final ConcurrentHashMap<String, FreezeRecord> frozen = new ConcurrentHashMap<>();

    @Override
    public boolean freeze(FreezeRecord record, Instant now) {
        boolean[] froze = new boolean[1];
        frozen.compute(record.account(), (account, existing) -> {
            if (existing != null && existing.isActive(now)) {
                return existing;
            }
            froze[0] = true;
            return record;
        });
        return froze[0];
    }

    @Override
    public Optional<FreezeRecord> find(String account, Instant now) {
        FreezeRecord record = frozen.get(account);
        if (record != null && !record.isActive(now)) {
            frozen.remove(account, record);
            return Optional.empty();
        }
        return Optional.ofNullable(record);
    }

    @Override
    public Optional<FreezeRecord> findById(String freezeId, Instant now) {
        return frozen.values().stream()
            .filter(record -> record.id().equals(freezeId) && record.isActive(now))
            .findFirst();
    }

    @Override
    public boolean unfreeze(String account) {
        return frozen.remove(account) != null;
    }

    @Override
    public List<FreezeRecord> list(Instant now) {
        return frozen.values().stream()
            .filter(record -> record.isActive(now))
            .sorted(Comparator.comparing(FreezeRecord::account))
            .collect(Collectors.toUnmodifiableList());
    }
}
