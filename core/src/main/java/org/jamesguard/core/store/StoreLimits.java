package org.jamesguard.core.store;

import org.jamesguard.core.GuardMetrics;

/** How many keys each store keeps at most (SPEC H4), and the metric counting what it evicts to stay within. */
public final class StoreLimits {
    public static final StoreLimits DEFAULT = new StoreLimits(StoreConfig.DEFAULT_MAX_ENTRIES, GuardMetrics.NOOP);

    private final int maxEntries;
    private final GuardMetrics metrics;

    private StoreLimits(int maxEntries, GuardMetrics metrics) {
        this.maxEntries = maxEntries;
        this.metrics = metrics;
    }

    public static StoreLimits of(int maxEntries, GuardMetrics metrics) {
        return new StoreLimits(maxEntries, metrics);
    }

    public int maxEntries() {
        return maxEntries;
    }

    /** Counts one eviction of {@code store} in {@code jamesguard_store_evictions_<store>}. */
    public Runnable evictions(String store) {
        String name = GuardMetrics.PREFIX + "store_evictions_" + store;
        return () -> metrics.increment(name);
    }
}
