package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A window of W = 12 minutes has buckets of one minute; {@link #T0} starts a bucket. An event leaves the
 * count between W and W + W/12 after it happened: exactly W + W/12 after for an event at the start of a
 * bucket, just over W for one at its very end.
 */
class SlidingWindowTest {
    private static final Duration W = Duration.ofMinutes(12);
    private static final Duration BUCKET = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MS = Duration.ofMillis(1);

    private final SlidingWindow window = new SlidingWindow(W);

    @Test
    void hasTwelveBuckets() {
        assertThat(SlidingWindow.BUCKETS).isEqualTo(12);
    }

    @Test
    void anEmptyWindowCountsZeroAndIsIdle() {
        assertThat(window.count(T0)).isZero();
        assertThat(window.isIdle(T0)).isTrue();
    }

    @Test
    void countsWhatWasAdded() {
        window.add(3, T0);
        window.add(2, T0.plusSeconds(30));
        window.add(1, T0.plus(Duration.ofMinutes(5)));

        assertThat(window.count(T0.plus(Duration.ofMinutes(5)))).isEqualTo(6);
        assertThat(window.isIdle(T0.plus(Duration.ofMinutes(5)))).isFalse();
    }

    @Test
    void countingDoesNotChangeTheCount() {
        window.add(4, T0);

        assertThat(window.count(T0)).isEqualTo(4);
        assertThat(window.count(T0)).isEqualTo(4);
    }

    @Test
    void anEventAtTheStartOfABucketIsCountedUntilJustBeforeWPlusOneBucket() {
        window.add(1, T0);

        assertThat(window.count(T0.plus(W))).isEqualTo(1);
        assertThat(window.count(T0.plus(W).plus(BUCKET).minus(MS))).isEqualTo(1);
    }

    @Test
    void anEventAtTheStartOfABucketLeavesExactlyWPlusOneBucketAfter() {
        window.add(1, T0);

        assertThat(window.count(T0.plus(W).plus(BUCKET))).isZero();
        assertThat(window.isIdle(T0.plus(W).plus(BUCKET))).isTrue();
    }

    @Test
    void anEventAtTheEndOfABucketIsCountedExactlyWAfter() {
        Instant lastMillisecondOfTheBucket = T0.plus(BUCKET).minus(MS);
        window.add(1, lastMillisecondOfTheBucket);

        assertThat(window.count(lastMillisecondOfTheBucket.plus(W))).isEqualTo(1);
    }

    @Test
    void anEventAtTheEndOfABucketLeavesOneMillisecondAfterW() {
        Instant lastMillisecondOfTheBucket = T0.plus(BUCKET).minus(MS);
        window.add(1, lastMillisecondOfTheBucket);

        assertThat(window.count(lastMillisecondOfTheBucket.plus(W).plus(MS))).isZero();
    }

    @ParameterizedTest(name = "event {0} ms into its bucket")
    @ValueSource(longs = {0, 1, 29_999, 30_000, 59_998, 59_999})
    void everyEventStaysForWAndLeavesByWPlusOneBucket(long offsetMillis) {
        Instant event = T0.plusMillis(offsetMillis);
        window.add(1, event);

        assertThat(window.count(event.plus(W))).isEqualTo(1);
        assertThat(window.count(event.plus(W).plus(BUCKET))).isZero();
    }

    @Test
    void eventsLeaveOneBucketAtATime() {
        window.add(1, T0);
        window.add(10, T0.plus(BUCKET));
        window.add(100, T0.plus(BUCKET.multipliedBy(2)));

        Instant firstGone = T0.plus(W).plus(BUCKET);
        assertThat(window.count(firstGone.minus(MS))).isEqualTo(111);
        assertThat(window.count(firstGone)).isEqualTo(110);
        assertThat(window.count(firstGone.plus(BUCKET))).isEqualTo(100);
        assertThat(window.count(firstGone.plus(BUCKET.multipliedBy(2)))).isZero();
    }

    @Test
    void aLongPauseEmptiesTheWholeWindow() {
        for (int minute = 0; minute < 13; minute++) {
            window.add(1, T0.plus(BUCKET.multipliedBy(minute)));
        }

        assertThat(window.count(T0.plus(BUCKET.multipliedBy(12)))).isEqualTo(13);
        assertThat(window.count(T0.plus(Duration.ofDays(365)))).isZero();
    }

    @Test
    void aBucketReusedAfterAFullTurnStartsFromZero() {
        window.add(5, T0);
        Instant sameSlotNextTurn = T0.plus(BUCKET.multipliedBy(SlidingWindow.BUCKETS + 1));

        window.add(1, sameSlotNextTurn);

        assertThat(window.count(sameSlotNextTurn)).isEqualTo(1);
    }

    @Test
    void eventsAddedAtTheSameInstantAreSummed() {
        for (int i = 0; i < 1000; i++) {
            window.add(1, T0);
        }

        assertThat(window.count(T0)).isEqualTo(1000);
    }

    @ParameterizedTest(name = "W = {0} ms")
    @ValueSource(longs = {1, 7, 100, 1000, 5000, 59_999})
    void anEventStaysForTheWholeWindowWhenWIsNoMultipleOfTwelveMilliseconds(long windowMillis) {
        Duration w = Duration.ofMillis(windowMillis);
        for (long offset = 0; offset <= windowMillis / SlidingWindow.BUCKETS + 1; offset++) {
            SlidingWindow oddWindow = new SlidingWindow(w);
            Instant event = T0.plusMillis(offset);
            oddWindow.add(1, event);

            assertThat(oddWindow.count(event.plus(w))).as("event at T0 + %d ms, asked W later", offset).isEqualTo(1);
        }
    }

    @Test
    void anEventAddedBackInTimeWithinTheWindowIsCountedAndLeavesByItsOwnTime() {
        window.add(1, T0.plus(Duration.ofMinutes(5)));
        window.add(1, T0.plus(Duration.ofMinutes(2)));

        assertThat(window.count(T0.plus(Duration.ofMinutes(5)))).isEqualTo(2);
        assertThat(window.count(T0.plus(Duration.ofMinutes(15)).minus(MS))).isEqualTo(2);
        assertThat(window.count(T0.plus(Duration.ofMinutes(15)))).isEqualTo(1);
        assertThat(window.count(T0.plus(Duration.ofMinutes(18)))).isZero();
    }

    @Test
    void askingForAnEarlierTimeLosesNothing() {
        window.add(3, T0.plus(Duration.ofMinutes(10)));

        assertThat(window.count(T0)).isEqualTo(3);
        assertThat(window.count(T0.plus(Duration.ofMinutes(10)))).isEqualTo(3);
    }

    @Test
    void aClockJumpingFarBackLosesNothingAlreadyCounted() {
        window.add(2, T0.plus(Duration.ofHours(1)));

        window.add(1, T0);

        assertThat(window.count(T0)).isEqualTo(3);
        assertThat(window.count(T0.plus(Duration.ofHours(1)))).isEqualTo(3);
    }

    @Test
    void aHugeAmountSaturatesTheBucket() {
        window.add(Long.MAX_VALUE, T0);

        assertThat(window.count(T0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aHugeAmountAddedToACountedBucketSaturatesInsteadOfWrappingAround() {
        window.add(1, T0);
        window.add(Long.MAX_VALUE, T0);

        assertThat(window.count(T0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aFullBucketStaysFull() {
        window.add(Integer.MAX_VALUE, T0);
        window.add(Integer.MAX_VALUE, T0);
        window.add(1, T0);

        assertThat(window.count(T0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void saturatedBucketsStillAddUpAcrossTheWindow() {
        window.add(Long.MAX_VALUE, T0);
        window.add(Long.MAX_VALUE, T0.plus(BUCKET));

        assertThat(window.count(T0.plus(BUCKET))).isEqualTo(2L * Integer.MAX_VALUE);
    }

    @Test
    void worksBeforeTheEpoch() {
        Instant before = Instant.parse("1969-12-31T23:59:00Z");
        window.add(1, before);

        assertThat(window.count(before.plus(W))).isEqualTo(1);
        assertThat(window.count(before.plus(W).plus(BUCKET))).isZero();
    }
}
