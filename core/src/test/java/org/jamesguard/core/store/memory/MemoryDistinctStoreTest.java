package org.jamesguard.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jamesguard.core.store.BoundedDistinctStoreContract;
import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

class MemoryDistinctStoreTest implements BoundedDistinctStoreContract {
    private static final Duration DAY = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryDistinctStore store = new MemoryDistinctStore(MAX_ENTRIES, StoreLimits.of(MAX_ENTRIES, metrics).evictions("distinct"));

    @Override
    public DistinctStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long evictions() {
        return metrics.count("jamesguard_store_evictions_distinct");
    }

    private Acquisition admit(String key, String member, int max, Duration window) {
        return store.admit(key, member, max, window, clock.instant());
    }

    @Test
    void holdsOneEntryPerKeyWithMembers() {
        admit("a", "192.0.2.1", 10, WINDOW);
        admit("b", "192.0.2.1", 10, WINDOW);
        admit("a", "192.0.2.2", 10, WINDOW);

        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void aRefusalOnAnUnknownKeyCreatesNoEntry() {
        admit("a", "192.0.2.1", 0, WINDOW);

        assertThat(store.size()).isZero();
    }

    @Test
    void anIdleKeyIsSweptWhenAnotherKeyIsWrittenAfterItsWindow() {
        admit("idle", "192.0.2.1", 10, WINDOW);
        clock.advance(WINDOW.plusMillis(1));

        admit("active", "192.0.2.1", 10, WINDOW);

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void listingAnIdleKeyForgetsIt() {
        admit("idle", "192.0.2.1", 10, WINDOW);
        clock.advance(WINDOW.plusMillis(1));

        assertThat(store.members("idle", WINDOW, clock.instant())).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aSweepKeepsTheMembersOfAKeyWithALongerWindow() {
        admit("hijack|ips|john@example.com", "192.0.2.1", Integer.MAX_VALUE, DAY);
        clock.advance(Duration.ofHours(2));

        admit("hijack|sources|john@example.com", "192.0.2.2", 10, WINDOW);

        assertThat(store.members("hijack|ips|john@example.com", DAY, clock.instant())).containsExactly("192.0.2.1");
    }

    @Test
    void aKeyLastListedWithALongerWindowKeepsItsMembersThroughASweep() {
        admit("long", "192.0.2.1", 10, DAY);
        clock.advance(Duration.ofHours(2));
        assertThat(store.members("long", DAY, clock.instant())).containsExactly("192.0.2.1");
        clock.advance(Duration.ofMinutes(1));

        admit("short", "192.0.2.2", 10, WINDOW);

        assertThat(store.members("long", DAY, clock.instant())).containsExactly("192.0.2.1");
    }

    @Test
    void withoutALimitAKeyKeepsOnlyTheHundredMostRecentMembers() {
        for (int i = 1; i <= 150; i++) {
            assertThat(admit("k", "10.0.0." + i, Integer.MAX_VALUE, DAY).acquired()).isTrue();
        }

        assertThat(store.members("k", DAY, clock.instant())).hasSize(MemoryDistinctStore.MAX_MEMBERS)
            .startsWith("10.0.0.150").endsWith("10.0.0.51");
    }
}
