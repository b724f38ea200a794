package org.jamesguard.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.CounterStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class MemoryCounterStoreTest implements CounterStoreContract {
    private final MutableClock clock = new MutableClock();
    private final MemoryCounterStore store = new MemoryCounterStore();

    @Override
    public CounterStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
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
    void sweepsRunAtMostOnceAMinuteOfThePassedInTime() {
        Duration shortWindow = Duration.ofSeconds(12);
        store.increment("idle", 1, shortWindow, clock.instant());
        clock.advance(Duration.ofSeconds(13));

        store.increment("other", 1, shortWindow, clock.instant());
        assertThat(store.size()).as("13 s after the first sweep").isEqualTo(2);

        clock.advance(Duration.ofSeconds(47).minusMillis(1));
        store.increment("other", 1, shortWindow, clock.instant());
        assertThat(store.size()).as("1 ms before a minute passed").isEqualTo(2);

        clock.advance(Duration.ofMillis(1));
        store.increment("other", 1, shortWindow, clock.instant());
        assertThat(store.size()).as("a minute after the first sweep").isEqualTo(1);
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
