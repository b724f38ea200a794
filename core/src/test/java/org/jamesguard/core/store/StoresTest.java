package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryDistinctStore;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.store.memory.MemoryPopLoginStore;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.store.memory.MemoryTokenStore;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

/** Timed stores answer as the stores they time, on the same backend, and name a timer per store and method. */
class StoresTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryCounterStore counters = new MemoryCounterStore();
    private final boolean[] closed = new boolean[1];
    private final Stores stores = new Stores(new MemoryScreenStore(), counters, new MemoryDistinctStore(),
        new MemoryFreezeStore(), new MemoryTokenStore(), new MemoryPopLoginStore(), new Stores.Backend() {
            @Override
            public Map<String, Object> health() {
                return Map.of("backend", "test");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        });

    @Test
    void timedStoresAnswerAsTheirStoresAndTimeEachCall() {
        Stores timed = stores.timed(metrics);

        assertThat(timed.counters().tryAcquire("k", 1, 10, Duration.ofHours(1), NOW).count()).isEqualTo(1);
        assertThat(counters.count("k", Duration.ofHours(1), NOW)).isEqualTo(1);
        assertThat(timed.screen().find("192.0.2.1", NOW)).isEmpty();
        assertThat(metrics.timers()).containsExactly("jamesguard_store_counter_tryacquire", "jamesguard_store_screen_find");
    }

    @Test
    void timedStoresShareTheBackend() {
        Stores timed = stores.timed(metrics);

        assertThat(timed.health()).isEqualTo(Map.of("backend", "test"));
        timed.close();
        assertThat(closed[0]).isTrue();
    }
}
