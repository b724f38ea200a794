package org.jamesguard.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jamesguard.core.store.BoundedCounterStoreContract;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

class MemoryCounterStoreTest implements BoundedCounterStoreContract {
    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryCounterStore store = new MemoryCounterStore(MAX_ENTRIES, StoreLimits.of(MAX_ENTRIES, metrics).evictions("counters"));

    @Override
    public CounterStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long evictions() {
        return metrics.count("jamesguard_store_evictions_counters");
    }

    private void increment(String key) {
        store.increment(key, 1, WINDOW, clock.instant());
    }

    @Test
    void holdsOneEntryPerCountedKey() {
        increment("a");
        increment("b");
        increment("a");

        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void anIdleKeyIsSweptWhenAnotherKeyIsWrittenAfterTheWindow() {
        increment("idle");
        clock.advance(WINDOW.plus(BUCKET));

        increment("active");

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.count("idle", WINDOW, clock.instant())).isZero();
    }

    @Test
    void aKeyStillInItsWindowIsNotSwept() {
        increment("recent");
        clock.advance(WINDOW);

        increment("other");

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.count("recent", WINDOW, clock.instant())).isEqualTo(1);
    }

    @Test
    void tryAcquireAlsoSweeps() {
        increment("idle");
        clock.advance(WINDOW.plus(BUCKET));

        store.tryAcquire("other", 1, 10, WINDOW, clock.instant());

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void countingAnIdleKeyForgetsIt() {
        increment("idle");
        clock.advance(WINDOW.plus(BUCKET));

        assertThat(store.count("idle", WINDOW, clock.instant())).isZero();
        assertThat(store.size()).isZero();
    }

    @Test
    void countingAnUnknownKeyCreatesNoEntry() {
        store.count("unknown", WINDOW, clock.instant());

        assertThat(store.size()).isZero();
    }

    @Test
    void aRefusedAcquisitionOnAnUnknownKeyCreatesNoEntry() {
        assertThat(store.tryAcquire("k", 6, 5, WINDOW, clock.instant())).isEqualTo(Acquisition.refused(0));

        assertThat(store.size()).isZero();
    }

    @Test
    void deleteDropsTheEntry() {
        increment("k");

        store.delete("k");

        assertThat(store.size()).isZero();
    }
}
