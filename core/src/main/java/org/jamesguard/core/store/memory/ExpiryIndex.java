package org.jamesguard.core.store.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The keys of a memory store ordered by when each expires (SPEC H4): expired keys are found without a scan,
 * and a store holding more than its maximum evicts the key that expires soonest, the one worth least. Every
 * operation is O(log n) under one short lock.
 */
final class ExpiryIndex {
    /** A key to drop: it expired, or it was evicted to keep the store within its maximum. */
    static final class Due {
        final String key;
        final boolean evicted;

        private Due(String key, boolean evicted) {
            this.key = key;
            this.evicted = evicted;
        }
    }

    private static final Comparator<Map.Entry<String, Instant>> SOONEST_FIRST =
        Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    private final TreeSet<Map.Entry<String, Instant>> byExpiry = new TreeSet<>(SOONEST_FIRST);
    private final Map<String, Instant> expiries = new HashMap<>();
    private final int maxKeys;

    ExpiryIndex(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("a store must hold at least one key, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    synchronized void put(String key, Instant expires) {
        Instant previous = expiries.put(key, expires);
        if (previous != null) {
            byExpiry.remove(Map.entry(key, previous));
        }
        byExpiry.add(Map.entry(key, expires));
    }

    synchronized void remove(String key) {
        Instant previous = expiries.remove(key);
        if (previous != null) {
            byExpiry.remove(Map.entry(key, previous));
        }
    }

    /** The next key to drop at {@code now}, taken out of the index: expired first, else one over the maximum. */
    synchronized Optional<Due> pollDue(Instant now) {
        if (byExpiry.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Instant> soonest = byExpiry.first();
        boolean expired = !soonest.getValue().isAfter(now);
        if (!expired && expiries.size() <= maxKeys) {
            return Optional.empty();
        }
        byExpiry.pollFirst();
        expiries.remove(soonest.getKey());
        return Optional.of(new Due(soonest.getKey(), !expired));
    }
}
