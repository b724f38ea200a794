package org.jamesguard.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.PopLoginStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class MemoryPopLoginStoreTest implements PopLoginStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryPopLoginStore store = new MemoryPopLoginStore();

    @Override
    public PopLoginStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Test
    void aLoginExactlyADayOldIsKept() {
        store.recordLogin("192.0.2.1", T0);

        store.recordLogin("192.0.2.2", T0.plus(DAY));

        assertThat(store.lastLogin("192.0.2.1")).contains(T0);
    }

    @Test
    void aLoginOlderThanADayIsSweptWhenALaterLoginArrives() {
        store.recordLogin("192.0.2.1", T0);

        store.recordLogin("192.0.2.2", T0.plus(DAY).plusNanos(1));

        assertThat(store.lastLogin("192.0.2.1")).isEmpty();
        assertThat(store.lastLogin("192.0.2.2")).contains(T0.plus(DAY).plusNanos(1));
    }

    @Test
    void aRecentLoginOfTheSameIpSurvivesTheSweep() {
        store.recordLogin("192.0.2.1", T0);
        store.recordLogin("192.0.2.1", T0.plus(DAY));

        store.recordLogin("192.0.2.2", T0.plus(DAY).plusSeconds(120));

        assertThat(store.lastLogin("192.0.2.1")).contains(T0.plus(DAY));
    }

    @Test
    void aFullStoreEvictsTheOldestLoginAndCountsIt() {
        int[] evictions = new int[1];
        MemoryPopLoginStore bounded = new MemoryPopLoginStore(2, () -> evictions[0]++);
        bounded.recordLogin("192.0.2.1", T0);
        bounded.recordLogin("192.0.2.2", T0.plusSeconds(1));

        bounded.recordLogin("192.0.2.3", T0.plusSeconds(2));

        assertThat(bounded.lastLogin("192.0.2.1")).isEmpty();
        assertThat(bounded.lastLogin("192.0.2.2")).contains(T0.plusSeconds(1));
        assertThat(bounded.lastLogin("192.0.2.3")).contains(T0.plusSeconds(2));
        assertThat(evictions[0]).isEqualTo(1);
    }
}
