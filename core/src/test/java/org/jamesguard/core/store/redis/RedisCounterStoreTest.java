package org.jamesguard.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.CounterStoreContract;
import org.jamesguard.core.testing.Concurrently;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CounterStore} contract on a real Redis, and two nodes sharing it. */
class RedisCounterStoreTest implements CounterStoreContract {
    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public CounterStore testee() {
        return redis.stores().counters();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Test
    void twoNodesAcquiringOneKeyNeverOvershootTheLimit() throws Exception {
        List<CounterStore> nodes = List.of(testee(), redis.anotherNode().counters());
        long limit = 1000;

        List<Integer> acquired = Concurrently.run(8, thread -> {
            CounterStore node = nodes.get(thread % 2);
            int count = 0;
            for (int i = 0; i < 200; i++) {
                if (node.tryAcquire(KEY, 1, limit, WINDOW, clock.instant()).acquired()) {
                    count++;
                }
            }
            return count;
        });

        assertThat(acquired.stream().mapToInt(Integer::intValue).sum()).isEqualTo(limit);
        assertThat(nodes.get(1).count(KEY, WINDOW, clock.instant())).isEqualTo(limit);
    }

    @Test
    void aCountIsOneRoundTrip() {
        testee().tryAcquire(KEY, 1, 100, WINDOW, clock.instant());

        long commands = redis.server().clientCommands(() -> {
            for (int i = 0; i < 10; i++) {
                assertThat(testee().tryAcquire(KEY, 1, 100, WINDOW, clock.instant()).acquired()).isTrue();
            }
        });

        assertThat(commands).isEqualTo(10);
    }
}
