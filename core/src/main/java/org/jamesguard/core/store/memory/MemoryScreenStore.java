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
import org.jamesguard.core.store.StoreConfig;

/**
 * In-memory screen: lost on restart. At most {@code maxEntries} entries: a put drops the entries that expired
 * and, when full, evicts the one that expires soonest ({@link ExpiryIndex}), in O(log n). Lookups take no lock.
 */
public final class MemoryScreenStore implements ScreenStore {
    private final ConcurrentMap<String, ScreenEntry> entries = new ConcurrentHashMap<>();
    private final ExpiryIndex expiries;
    private final Runnable evicted;

    public MemoryScreenStore() {
        this(StoreConfig.DEFAULT_MAX_ENTRIES, () -> { });
    }

    /** @param evicted called once per entry evicted to stay within {@code maxEntries} */
    public MemoryScreenStore(int maxEntries, Runnable evicted) {
        this.expiries = new ExpiryIndex(maxEntries);
        this.evicted = evicted;
    }

    /** A screen holding {@code restored} (a file store's entries at start). */
    public MemoryScreenStore(Collection<ScreenEntry> restored, int maxEntries, Runnable evicted) {
        this(maxEntries, evicted);
        restored.forEach(entry -> {
            entries.put(entry.ip(), entry);
            expiries.put(entry.ip(), entry.expires());
        });
    }

    @Override
    public synchronized void put(ScreenEntry entry) {
        entries.put(entry.ip(), entry);
        expiries.put(entry.ip(), entry.expires());
        for (Optional<ExpiryIndex.Due> due = expiries.pollDue(entry.since()); due.isPresent(); due = expiries.pollDue(entry.since())) {
            entries.remove(due.get().key);
            if (due.get().evicted) {
                evicted.run();
            }
        }
    }

    @Override
    public Optional<ScreenEntry> find(String ip, Instant now) {
        ScreenEntry entry = entries.get(ip);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.isActive(now)) {
            dropExpired(ip, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private synchronized void dropExpired(String ip, ScreenEntry entry) {
        if (entries.remove(ip, entry)) {
            expiries.remove(ip);
        }
    }

    @Override
    public synchronized boolean remove(String ip) {
        expiries.remove(ip);
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
