package org.jamesguard.core.store.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.store.FreezeStore;

/** Frozen accounts in memory: lost on restart. */
public final class MemoryFreezeStore implements FreezeStore {
    private final ConcurrentHashMap<String, FreezeRecord> frozen = new ConcurrentHashMap<>();

    public MemoryFreezeStore() {
    }

    /** A store holding {@code restored} (a file store's freezes at start). */
    public MemoryFreezeStore(Collection<FreezeRecord> restored) {
        restored.forEach(record -> frozen.put(record.account(), record));
    }

    @Override
    public boolean freeze(FreezeRecord record) {
        return frozen.putIfAbsent(record.account(), record) == null;
    }

    @Override
    public Optional<FreezeRecord> find(String account) {
        return Optional.ofNullable(frozen.get(account));
    }

    @Override
    public Optional<FreezeRecord> findById(String freezeId) {
        return frozen.values().stream().filter(record -> record.id().equals(freezeId)).findFirst();
    }

    @Override
    public boolean unfreeze(FreezeRecord record) {
        return frozen.remove(record.account(), record);
    }

    @Override
    public List<FreezeRecord> list() {
        return sorted(frozen.values().stream());
    }

    @Override
    public List<FreezeRecord> expired(Instant now) {
        return sorted(frozen.values().stream().filter(record -> !record.isActive(now)));
    }

    private static List<FreezeRecord> sorted(Stream<FreezeRecord> records) {
        return records.sorted(Comparator.comparing(FreezeRecord::account)).collect(Collectors.toUnmodifiableList());
    }
}
