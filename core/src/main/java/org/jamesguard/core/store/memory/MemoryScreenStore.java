package org.jamesguard.core.store.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.ScreenStore;

/** In-memory screen: lost on restart. Expired entries are dropped when seen and on every write. */
public final class MemoryScreenStore implements ScreenStore {
    private final ConcurrentMap<String, ScreenEntry> entries = new ConcurrentHashMap<>();

    public MemoryScreenStore() {
    }

    /** A screen holding {@code restored} (a file store's entries at start). */
    public MemoryScreenStore(Collection<ScreenEntry> restored) {
        restored.forEach(entry -> entries.put(entry.ip(), entry));
    }

    @Override
    public void put(ScreenEntry entry) {
        entries.values().removeIf(existing -> !existing.isActive(entry.since()));
        entries.put(entry.ip(), entry);
    }

    @Override
    public Optional<ScreenEntry> find(String ip, Instant now) {
        ScreenEntry entry = entries.get(ip);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.isActive(now)) {
            entries.remove(ip, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    @Override
    public boolean remove(String ip) {
        return entries.remove(ip) != null;
    }

    /** Every entry held, expired ones not yet dropped included: what a file store writes. */
    public List<ScreenEntry> snapshot() {
        return List.copyOf(entries.values());
    }

    @Override
    public List<ScreenEntry> list(Instant now) {
        return entries.values().stream()
            .filter(entry -> entry.isActive(now))
            .sorted(Comparator.comparing(ScreenEntry::ip))
            .collect(Collectors.toUnmodifiableList());
    }
}
