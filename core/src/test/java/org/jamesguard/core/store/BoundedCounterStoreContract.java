package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What a {@link CounterStore} holding its keys itself (memory, file) must do besides the {@link CounterStoreContract}
 * (SPEC H4): at most {@link #MAX_ENTRIES} keys, idle keys dropped first, then the key that goes idle soonest,
 * each eviction counted. Redis bounds its counters by their TTLs instead.
 */
public interface BoundedCounterStoreContract extends CounterStoreContract {
    int MAX_ENTRIES = ScreenStoreContract.MAX_ENTRIES;

    /** What {@code jamesguard_store_evictions_counters} counted. */
    long evictions();

    @Test
    default void aFullStoreEvictsTheKeyThatGoesIdleSoonestAndCountsIt() {
        testee().increment("oldest", 1, WINDOW, clock().instant());
        clock().advance(BUCKET);
        for (int i = 0; i < MAX_ENTRIES; i++) {
            testee().increment("auth-fail|198.51.100." + i, 1, WINDOW, clock().instant());
        }

        assertThat(testee().count("oldest", WINDOW, clock().instant())).isZero();
        assertThat(testee().count("auth-fail|198.51.100.0", WINDOW, clock().instant())).isEqualTo(1);
        assertThat(evictions()).isEqualTo(1);
    }

    @Test
    default void idleKeysMakeRoomWithoutEvictions() {
        for (int i = 0; i < MAX_ENTRIES; i++) {
            testee().increment("auth-fail|192.0.2." + i, 1, WINDOW, clock().instant());
        }
        clock().advance(WINDOW.plus(BUCKET));
        for (int i = 0; i < MAX_ENTRIES; i++) {
            assertThat(testee().tryAcquire("auth-fail|198.51.100." + i, 1, 5, WINDOW, clock().instant()).acquired()).isTrue();
        }

        assertThat(testee().count("auth-fail|198.51.100.0", WINDOW, clock().instant())).isEqualTo(1);
        assertThat(evictions()).isZero();
    }

    @Test
    default void aKeyCountedAgainIsKeptOverOneThatWasNot() {
        testee().increment("busy", 1, WINDOW, clock().instant());
        testee().increment("quiet", 1, WINDOW, clock().instant());
        clock().advance(Duration.ofMinutes(2));
        testee().increment("busy", 1, WINDOW, clock().instant());
        clock().advance(BUCKET);
        for (int i = 0; i < MAX_ENTRIES - 1; i++) {
            testee().increment("auth-fail|198.51.100." + i, 1, WINDOW, clock().instant());
        }

        assertThat(testee().count("busy", WINDOW, clock().instant())).isEqualTo(2);
        assertThat(testee().count("quiet", WINDOW, clock().instant())).isZero();
    }
}
