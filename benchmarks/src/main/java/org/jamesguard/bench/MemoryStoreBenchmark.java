package org.jamesguard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second of the in-memory store: one {@code tryAcquire} of the counter store alone, and a whole
 * hijack decision ({@code HijackPolicy.atMessage}: the account's limit through the choke point and its metrics),
 * over 1k or 1M tracked accounts, each call for a random account. Run with 1 and 2 threads by
 * {@link StoreBenchmarks}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class MemoryStoreBenchmark {
    private static final Duration HOUR = Duration.ofHours(1);

    /** The tracked accounts, each with one message in its window before measuring starts. */
    @State(Scope.Benchmark)
    public static class Accounts {
        @Param({"1000", "1000000"})
        int accounts;

        SessionSnapshot[] sessions;
        MemoryCounterStore store;
        HijackState hijack;

        @Setup(Level.Trial)
        public void track() {
            sessions = HijackState.sessions(accounts);
            store = new MemoryCounterStore();
            hijack = new HijackState();
            for (SessionSnapshot session : sessions) {
                store.tryAcquire(session.authUser().orElseThrow(), 1, Long.MAX_VALUE, HOUR, Instant.now());
                hijack.login(session);
                hijack.countMessage(session);
            }
        }
    }

    /** Each thread's own random walk over the accounts (xorshift: no shared state, no allocation). */
    @State(Scope.Thread)
    public static class Walk {
        private long seed = System.nanoTime() | 1;

        int next(int bound) {
            seed ^= seed << 13;
            seed ^= seed >>> 7;
            seed ^= seed << 17;
            return (int) Math.floorMod(seed, (long) bound);
        }
    }

    @Benchmark
    public CounterStore.Acquisition counterStoreTryAcquire(Accounts accounts, Walk walk) {
        String account = accounts.sessions[walk.next(accounts.accounts)].authUser().orElseThrow();
        return accounts.store.tryAcquire(account, 1, Long.MAX_VALUE, HOUR, Instant.now());
    }

    @Benchmark
    public boolean hijackCountMessage(Accounts accounts, Walk walk) {
        return accounts.hijack.countMessage(accounts.sessions[walk.next(accounts.accounts)]);
    }
}
