package org.jamesguard.core.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.SlidingWindow;
import org.jamesguard.core.store.StoreConfig;

/**
 * Counters in memory: each key's update runs inside {@link ConcurrentHashMap#compute}, which locks that
 * key only, so concurrent sessions are counted exactly. At most {@code maxKeys} keys: every write drops the
 * keys that went idle and, when full, evicts the key that goes idle soonest ({@link ExpiryIndex}), in O(log n).
 */
public final class MemoryCounterStore implements CounterStore {
    private final ConcurrentHashMap<String, SlidingWindow> windows = new ConcurrentHashMap<>();
    private final ExpiryIndex expiries;
    private final Runnable evicted;

    public MemoryCounterStore() {
        this(StoreConfig.DEFAULT_MAX_ENTRIES, () -> { });
    }

    /** @param evicted called once per key evicted to stay within {@code maxKeys} */
    public MemoryCounterStore(int maxKeys, Runnable evicted) {
        this.expiries = new ExpiryIndex(maxKeys);
        this.evicted = evicted;
    }

    @Override
    public Acquisition tryAcquire(String key, long amount, long limit, Duration window, Instant now) {
        long[] count = new long[1];
        boolean[] acquired = new boolean[1];
        windows.compute(key, (k, existing) -> {
            SlidingWindow counts = existing != null ? existing : new SlidingWindow(window);
            long current = counts.count(now);
            if (amount <= limit - current) {
                counts.add(amount, now);
                acquired[0] = true;
                count[0] = current + amount;
            } else {
                count[0] = current;
            }
            return indexed(k, counts, now);
        });
        dropDue(now);
        return acquired[0] ? Acquisition.acquired(count[0]) : Acquisition.refused(count[0]);
    }

    @Override
    public long increment(String key, long amount, Duration window, Instant now) {
        long[] count = new long[1];
        windows.compute(key, (k, existing) -> {
            SlidingWindow counts = existing != null ? existing : new SlidingWindow(window);
            counts.add(amount, now);
            count[0] = counts.count(now);
            return indexed(k, counts, now);
        });
        dropDue(now);
        return count[0];
    }

    @Override
    public long count(String key, Duration window, Instant now) {
        long[] count = new long[1];
        windows.computeIfPresent(key, (k, counts) -> {
            count[0] = counts.count(now);
            return indexed(k, counts, now);
        });
        return count[0];
    }

    @Override
    public void delete(String key) {
        windows.computeIfPresent(key, (k, counts) -> {
            expiries.remove(k);
            return null;
        });
    }

    /** Keys currently held: for tests and the memory benchmark. */
    public int size() {
        return windows.size();
    }

    /** Under the key's lock: the index follows the window, and an idle key is forgotten. */
    private SlidingWindow indexed(String key, SlidingWindow counts, Instant now) {
        if (counts.isIdle(now)) {
            expiries.remove(key);
            return null;
        }
        expiries.put(key, counts.idleAt());
        return counts;
    }

    private void dropDue(Instant now) {
        for (Optional<ExpiryIndex.Due> due = expiries.pollDue(now); due.isPresent(); due = expiries.pollDue(now)) {
            boolean evict = due.get().evicted;
            windows.computeIfPresent(due.get().key, (k, counts) -> evict ? null : indexed(k, counts, now));
            if (evict) {
                evicted.run();
            }
        }
    }
}
