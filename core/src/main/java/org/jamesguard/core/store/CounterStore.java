package org.jamesguard.core.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Sliding-window event counters (failed AUTH per IP, messages per account...). A window of length W is
 * kept as {@link SlidingWindow#BUCKETS} buckets of W/BUCKETS: an event leaves the count between W and
 * W + W/BUCKETS after it happened, so no interval of length W ever holds more events than a limit allowed.
 * Time is passed in; every operation on one key is atomic, so concurrent callers are counted exactly.
 */
public interface CounterStore {
    /**
     * Records {@code amount} events for {@code key} at {@code now} if the count in the window plus
     * {@code amount} stays within {@code limit}; otherwise records nothing.
     */
    Acquisition tryAcquire(String key, long amount, long limit, Duration window, Instant now);

    /** Records {@code amount} events unconditionally; returns the count in the window, them included. */
    long increment(String key, long amount, Duration window, Instant now);

    /** The count in the window ending at {@code now}. */
    long count(String key, Duration window, Instant now);

    /** Forgets the key. */
    void delete(String key);

    /** The result of {@link #tryAcquire}: whether the events were recorded, and the window's count after. */
    final class Acquisition {
        private final boolean acquired;
        private final long count;

        private Acquisition(boolean acquired, long count) {
            this.acquired = acquired;
            this.count = count;
        }

        public static Acquisition acquired(long count) {
            return new Acquisition(true, count);
        }

        public static Acquisition refused(long count) {
            return new Acquisition(false, count);
        }

        public boolean acquired() {
            return acquired;
        }

        public long count() {
            return count;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Acquisition && ((Acquisition) o).acquired == acquired && ((Acquisition) o).count == count;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(count) * 31 + Boolean.hashCode(acquired);
        }

        @Override
        public String toString() {
            return (acquired ? "acquired" : "refused") + " at " + count;
        }
    }
}
