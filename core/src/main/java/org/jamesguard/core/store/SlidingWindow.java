package org.jamesguard.core.store;

import java.time.Duration;
import java.time.Instant;

/**
 * One key's counts: {@link #BUCKETS} + 1 buckets of W/{@link #BUCKETS} in a ring. The extra bucket makes the
 * window cover at least W, never less, so a limit holds over every interval of length W. Not thread-safe:
 * stores update it under their per-key lock. About 90 bytes.
 */
public final class SlidingWindow {
    public static final int BUCKETS = 12;

    private final long bucketMillis;
    private final int[] counts = new int[BUCKETS + 1];
    private long newestBucket = Long.MIN_VALUE;
    private long newestEvent = Long.MIN_VALUE;

    public SlidingWindow(Duration window) {
        this.bucketMillis = bucketMillis(window);
    }

    /** The width of one bucket of {@code window}: rounded up, so that BUCKETS buckets cover at least the window. */
    public static long bucketMillis(Duration window) {
        return Math.max(1, (window.toMillis() + BUCKETS - 1) / BUCKETS);
    }

    /** The number of the bucket {@code now} falls in, for buckets {@code bucketMillis} wide. */
    public static long bucketOf(Instant now, long bucketMillis) {
        return Math.floorDiv(now.toEpochMilli(), bucketMillis);
    }

    public long count(Instant now) {
        advance(bucketOf(now));
        long sum = 0;
        for (int count : counts) {
            sum += count;
        }
        return sum;
    }

    public void add(long amount, Instant now) {
        long bucket = bucketOf(now);
        advance(bucket);
        newestEvent = Math.max(newestEvent, bucket);
        int slot = (int) Math.floorMod(bucket, (long) counts.length);
        counts[slot] = (int) Math.min(Integer.MAX_VALUE, counts[slot] + Math.min(amount, Integer.MAX_VALUE));
    }

    /** True when every event has left the window: the key can be forgotten. */
    public boolean isIdle(Instant now) {
        return count(now) == 0;
    }

    /** No later than this, every event has left the window (a memory store's expiry of the key). */
    public Instant idleAt() {
        return Instant.ofEpochMilli((newestEvent + counts.length) * bucketMillis);
    }

    /** Clears the buckets that fell out of the window since the newest one written. */
    private void advance(long bucket) {
        if (bucket <= newestBucket) {
            return;
        }
        long stale = newestBucket == Long.MIN_VALUE ? counts.length : Math.min(counts.length, bucket - newestBucket);
        for (long i = 0; i < stale; i++) {
            counts[(int) Math.floorMod(bucket - i, (long) counts.length)] = 0;
        }
        newestBucket = bucket;
    }

    private long bucketOf(Instant now) {
        return bucketOf(now, bucketMillis);
    }
}
