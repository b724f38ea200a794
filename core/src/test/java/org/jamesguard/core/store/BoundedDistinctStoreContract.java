package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What a {@link DistinctStore} holding its keys itself (memory, file) must do besides the
 * {@link DistinctStoreContract} (SPEC H4): at most {@link #MAX_ENTRIES} keys, expired keys dropped first, then the
 * key whose newest member leaves its window soonest, each eviction counted. Redis bounds its keys by their TTLs.
 */
public interface BoundedDistinctStoreContract extends DistinctStoreContract {
    int MAX_ENTRIES = ScreenStoreContract.MAX_ENTRIES;

    /** What {@code jamesguard_store_evictions_distinct} counted. */
    long evictions();

    @Test
    default void aFullStoreEvictsTheKeySeenLeastRecentlyAndCountsIt() {
        testee().admit("hijack|sources|oldest", "192.0.2.1", 10, WINDOW, clock().instant());
        clock().advance(Duration.ofMinutes(1));
        for (int i = 0; i < MAX_ENTRIES; i++) {
            testee().admit("hijack|sources|" + i, "192.0.2.1", 10, WINDOW, clock().instant());
        }

        assertThat(testee().members("hijack|sources|oldest", WINDOW, clock().instant())).isEmpty();
        assertThat(testee().members("hijack|sources|0", WINDOW, clock().instant())).containsExactly("192.0.2.1");
        assertThat(evictions()).isEqualTo(1);
    }

    @Test
    default void expiredKeysMakeRoomWithoutEvictions() {
        for (int i = 0; i < MAX_ENTRIES; i++) {
            testee().admit("hijack|sources|old" + i, "192.0.2.1", 10, WINDOW, clock().instant());
        }
        clock().advance(WINDOW.plusMillis(1));
        for (int i = 0; i < MAX_ENTRIES; i++) {
            testee().admit("hijack|sources|new" + i, "192.0.2.1", 10, WINDOW, clock().instant());
        }

        assertThat(testee().members("hijack|sources|new0", WINDOW, clock().instant())).containsExactly("192.0.2.1");
        assertThat(evictions()).isZero();
    }
}
