package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.testing.Concurrently;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link CounterStore} backend must do. A backend's test implements this interface:
 * <pre>{@code
 * class MemoryCounterStoreTest implements CounterStoreContract {
 *     private final MutableClock clock = new MutableClock();
 *     private final MemoryCounterStore store = new MemoryCounterStore();
 *
 *     public CounterStore testee() { return store; }
 *     public MutableClock clock() { return clock; }
 * }
 * }</pre>
 * {@link #testee()} returns the same store throughout one test, empty at its start. The contract never
 * sleeps: it always passes {@code clock().instant()} and moves the clock. The window is 12 minutes, so
 * {@link MutableClock#DEFAULT_START} starts a one-minute bucket and an event leaves the count between
 * 12 and 13 minutes after it happened (see {@link SlidingWindow}).
 */
public interface CounterStoreContract {
    Duration WINDOW = Duration.ofMinutes(12);
    Duration BUCKET = WINDOW.dividedBy(SlidingWindow.BUCKETS);
    String KEY = "auth-fail|192.0.2.1";

    CounterStore testee();

    MutableClock clock();

    private long increment(String key, long amount) {
        return testee().increment(key, amount, WINDOW, clock().instant());
    }

    private Acquisition tryAcquire(String key, long amount, long limit) {
        return testee().tryAcquire(key, amount, limit, WINDOW, clock().instant());
    }

    private long count(String key) {
        return testee().count(key, WINDOW, clock().instant());
    }

    @Test
    default void countsZeroForAnUnknownKey() {
        assertThat(count(KEY)).isZero();
    }

    @Test
    default void incrementReturnsTheCountWithTheNewEvents() {
        assertThat(increment(KEY, 1)).isEqualTo(1);
        assertThat(increment(KEY, 1)).isEqualTo(2);
        assertThat(increment(KEY, 5)).isEqualTo(7);
        assertThat(count(KEY)).isEqualTo(7);
    }

    @Test
    default void incrementCountsEveryEventOfTheWindow() {
        increment(KEY, 1);
        clock().advance(Duration.ofMinutes(5));
        increment(KEY, 1);
        clock().advance(Duration.ofMinutes(5));

        assertThat(increment(KEY, 1)).isEqualTo(3);
    }

    @Test
    default void countDoesNotChangeTheCount() {
        increment(KEY, 3);

        assertThat(count(KEY)).isEqualTo(3);
        assertThat(count(KEY)).isEqualTo(3);
        assertThat(increment(KEY, 1)).isEqualTo(4);
    }

    @Test
    default void keysAreCountedApart() {
        increment("auth-fail|192.0.2.1", 2);
        increment("auth-fail|192.0.2.2", 5);

        assertThat(count("auth-fail|192.0.2.1")).isEqualTo(2);
        assertThat(count("auth-fail|192.0.2.2")).isEqualTo(5);
        assertThat(count("auth-fail|192.0.2.3")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-fail|2001:db8::1", "sent|John@Example.com", "key with spaces", "a:b:c", "*", "b\u00fccher|\u4e2d\u6587"})
    default void keysAreOpaqueStrings(String key) {
        increment(key, 2);

        assertThat(count(key)).isEqualTo(2);
        assertThat(count(key + "x")).isZero();
    }

    @Test
    default void keysAreCaseSensitive() {
        increment("sent|john@example.com", 2);

        assertThat(count("sent|JOHN@example.com")).isZero();
    }

    @Test
    default void anEventIsCountedForTheWholeWindow() {
        increment(KEY, 1);
        clock().advance(WINDOW);

        assertThat(count(KEY)).isEqualTo(1);
    }

    @Test
    default void anEventLeavesTheCountOneBucketAfterTheWindow() {
        increment(KEY, 1);
        clock().advance(WINDOW.plus(BUCKET).minusMillis(1));
        assertThat(count(KEY)).isEqualTo(1);

        clock().advance(Duration.ofMillis(1));
        assertThat(count(KEY)).isZero();
    }

    @Test
    default void eventsLeaveInTheOrderTheyHappened() {
        increment(KEY, 1);
        clock().advance(Duration.ofMinutes(6));
        increment(KEY, 10);

        clock().advance(Duration.ofMinutes(7));
        assertThat(count(KEY)).isEqualTo(10);
        assertThat(increment(KEY, 100)).isEqualTo(110);
        clock().advance(Duration.ofMinutes(6));
        assertThat(count(KEY)).isEqualTo(100);
    }

    @Test
    default void tryAcquireRecordsUpToTheLimit() {
        assertThat(tryAcquire(KEY, 1, 3)).isEqualTo(Acquisition.acquired(1));
        assertThat(tryAcquire(KEY, 1, 3)).isEqualTo(Acquisition.acquired(2));
        assertThat(tryAcquire(KEY, 1, 3)).isEqualTo(Acquisition.acquired(3));
        assertThat(tryAcquire(KEY, 1, 3)).isEqualTo(Acquisition.refused(3));
        assertThat(count(KEY)).isEqualTo(3);
    }

    @Test
    default void tryAcquireMayTakeExactlyTheLimitAtOnce() {
        assertThat(tryAcquire(KEY, 5, 5)).isEqualTo(Acquisition.acquired(5));
        assertThat(tryAcquire(KEY, 1, 5)).isEqualTo(Acquisition.refused(5));
    }

    @Test
    default void aRefusedAcquisitionRecordsNothing() {
        tryAcquire(KEY, 3, 5);

        assertThat(tryAcquire(KEY, 3, 5)).isEqualTo(Acquisition.refused(3));
        assertThat(count(KEY)).isEqualTo(3);
        assertThat(tryAcquire(KEY, 2, 5)).isEqualTo(Acquisition.acquired(5));
    }

    @Test
    default void anAmountOverTheLimitIsRefusedOnAnEmptyKey() {
        assertThat(tryAcquire(KEY, 6, 5)).isEqualTo(Acquisition.refused(0));
        assertThat(count(KEY)).isZero();
    }

    @Test
    default void aHugeAmountIsRefusedRatherThanOverflowing() {
        tryAcquire(KEY, 1, 10);

        assertThat(tryAcquire(KEY, Long.MAX_VALUE, 10)).isEqualTo(Acquisition.refused(1));
        assertThat(count(KEY)).isEqualTo(1);
    }

    @Test
    default void aLimitOfZeroRefusesEverything() {
        assertThat(tryAcquire(KEY, 1, 0)).isEqualTo(Acquisition.refused(0));
    }

    @Test
    default void tryAcquireSeesEventsRecordedByIncrement() {
        increment(KEY, 4);

        assertThat(tryAcquire(KEY, 1, 5)).isEqualTo(Acquisition.acquired(5));
        assertThat(tryAcquire(KEY, 1, 5)).isEqualTo(Acquisition.refused(5));
        assertThat(increment(KEY, 1)).isEqualTo(6);
    }

    @Test
    default void tryAcquireSucceedsAgainOnceEventsLeaveTheWindow() {
        tryAcquire(KEY, 3, 3);
        clock().advance(WINDOW);
        assertThat(tryAcquire(KEY, 1, 3)).isEqualTo(Acquisition.refused(3));

        clock().advance(BUCKET);
        assertThat(tryAcquire(KEY, 1, 3)).isEqualTo(Acquisition.acquired(1));
    }

    @Test
    default void deleteForgetsTheKey() {
        increment(KEY, 7);

        testee().delete(KEY);

        assertThat(count(KEY)).isZero();
        assertThat(increment(KEY, 1)).isEqualTo(1);
    }

    @Test
    default void deleteOfAnUnknownKeyDoesNothing() {
        testee().delete(KEY);

        assertThat(count(KEY)).isZero();
    }

    @Test
    default void deleteLeavesOtherKeys() {
        increment("auth-fail|192.0.2.1", 1);
        increment("auth-fail|192.0.2.2", 2);

        testee().delete("auth-fail|192.0.2.1");

        assertThat(count("auth-fail|192.0.2.2")).isEqualTo(2);
    }

    @Test
    default void concurrentAcquisitionsNeverOvershootTheLimit() throws Exception {
        int threads = 8;
        int perThread = 1000;
        long limit = 5000;

        List<Integer> acquiredPerThread = Concurrently.run(threads, () -> {
            int acquired = 0;
            for (int i = 0; i < perThread; i++) {
                if (tryAcquire(KEY, 1, limit).acquired()) {
                    acquired++;
                }
            }
            return acquired;
        });

        assertThat(acquiredPerThread.stream().mapToLong(Integer::longValue).sum()).isEqualTo(limit);
        assertThat(count(KEY)).isEqualTo(limit);
    }

    @Test
    default void concurrentIncrementsAreAllCounted() throws Exception {
        int threads = 8;
        int perThread = 1000;

        List<Integer> highest = Concurrently.run(threads, () -> {
            long max = 0;
            for (int i = 0; i < perThread; i++) {
                max = Math.max(max, increment(KEY, 1));
            }
            return (int) max;
        });

        assertThat(count(KEY)).isEqualTo(threads * perThread);
        assertThat(highest).contains(threads * perThread);
    }
}
