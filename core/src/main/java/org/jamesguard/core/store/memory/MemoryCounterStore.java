package org.jamesguard.core.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.SlidingWindow;

/**
 * Counters in memory: each key's update runs inside {@link ConcurrentHashMap#compute}, which locks that
 * key only, so concurrent sessions are counted exactly. Idle keys are swept once a minute.
 */
public final class MemoryCounterStore implements CounterStore {
    private final ConcurrentHashMap<String, SlidingWindow> windows = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule();

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
            return counts.isIdle(now) ? null : counts;
        });
        sweepIfDue(now);
        return acquired[0] ? Acquisition.acquired(count[0]) : Acquisition.refused(count[0]);
    }

    @Override
    public long increment(String key, long amount, Duration window, Instant now) {
        long[] count = new long[1];
        windows.compute(key, (k, existing) -> {
            SlidingWindow counts = existing != null ? existing : new SlidingWindow(window);
            counts.add(amount, now);
            count[0] = counts.count(now);
            return counts;
        });
        sweepIfDue(now);
        return count[0];
    }

    @Override
    public long count(String key, Duration window, Instant now) {
        long[] count = new long[1];
        windows.computeIfPresent(key, (k, counts) -> {
            count[0] = counts.count(now);
            return count[0] == 0 ? null : counts;
        });
        return count[0];
    }

    @Override
    public void delete(String key) {
        windows.remove(key);
    }

    /** Keys currently held: for tests and the memory benchmark. */
    public int size() {
        return windows.size();
    }

    private void sweepIfDue(Instant now) {
        if (!sweeps.due(now)) {
            return;
        }
        for (String key : windows.keySet()) {
            windows.computeIfPresent(key, (k, counts) -> counts.isIdle(now) ? null : counts);
        }
    }
}
