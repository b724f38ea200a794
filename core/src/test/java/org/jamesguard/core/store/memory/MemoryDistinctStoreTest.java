package org.jamesguard.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.DistinctStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class MemoryDistinctStoreTest implements DistinctStoreContract {
    private static final Duration DAY = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock();
    private final MemoryDistinctStore store = new MemoryDistinctStore();

    @Override
    public DistinctStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    private Acquisition admit(String key, String member, int max, Duration window) {
        return store.admit(key, member, max, window, clock.instant());
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
