package org.jamesguard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jol.info.GraphLayout;

/** The in-memory store: decisions per second (JMH, 1 and 2 threads) and heap bytes per tracked account (JOL). */
final class StoreBenchmarks {
    /** Enough accounts that the maps' tables are amortized as they are at scale. */
    private static final int HEAP_ACCOUNTS = 100_000;

    private StoreBenchmarks() {
    }

    static Report run() throws RunnerException {
        Report report = new Report("store", "In-memory store")
            .paragraph("JMH 1.37, one fork (`-Xms3g -Xmx3g`, G1 as in James), 3 × 2 s warm-up, 5 × 2 s measured; "
                + "each call for a random tracked account, every account with one message in its window already. "
                + "`counterStoreTryAcquire` is the counter store alone; `hijackCountMessage` is a whole decision as "
                + "an authenticated message meets it in James: `HijackPolicy.atMessage` (account check, IP class, "
                + "the limit's `tryAcquire`), through the choke point with James's Dropwizard metrics.")
            .table(decisions())
            .paragraph("Heap per tracked account, measured by walking the stores' object graphs with JOL 0.17 after "
                + String.format("%,d", HEAP_ACCOUNTS) + " accounts each logged in and sent one message (so every window still "
                + "holds a count), minus the empty stores; map tables included.")
            .table(heapPerAccount());
        return report;
    }

    private static Table decisions() throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            results.addAll(new Runner(new OptionsBuilder()
                .include(MemoryStoreBenchmark.class.getName())
                .threads(threads)
                .shouldFailOnError(true)
                .build()).run());
        }
        results.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
            .thenComparing(r -> Integer.parseInt(r.getParams().getParam("accounts")))
            .thenComparing(r -> r.getParams().getThreads()));
        Table table = new Table("Operation", "Tracked accounts", "Threads", "Decisions/s", "± (99.9 % CI)");
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            table.row("`" + benchmark.substring(benchmark.lastIndexOf('.') + 1) + "`",
                String.format("%,d", Integer.parseInt(result.getParams().getParam("accounts"))),
                result.getParams().getThreads(),
                Table.count(result.getPrimaryResult().getScore()),
                Table.count(result.getPrimaryResult().getScoreError()));
        }
        return table;
    }

    private static Table heapPerAccount() {
        SessionSnapshot[] sessions = HijackState.sessions(HEAP_ACCOUNTS);
        MemoryCounterStore counterOnly = new MemoryCounterStore();
        HijackState hijack = new HijackState();
        long counterOnlyBefore = size(counterOnly);
        long countersBefore = size(hijack.counterStore);
        long distinctBefore = size(hijack.distinctStore);
        for (SessionSnapshot session : sessions) {
            counterOnly.tryAcquire(session.authUser().orElseThrow(), 1, 100, Duration.ofHours(1), Instant.now());
            hijack.login(session);
            hijack.countMessage(session);
        }
        double counterOnlyBytes = (size(counterOnly) - counterOnlyBefore) / (double) HEAP_ACCOUNTS;
        double countersBytes = (size(hijack.counterStore) - countersBefore) / (double) HEAP_ACCOUNTS;
        double distinctBytes = (size(hijack.distinctStore) - distinctBefore) / (double) HEAP_ACCOUNTS;
        return new Table("State of one tracked account", "Bytes")
            .row("a windowed counter (`user123@example.test` as key)", Table.count(counterOnlyBytes))
            .row("hijack: its message counter (`hijack|messages|other|user123@example.test`)", Table.count(countersBytes))
            .row("hijack: the IPs seen within 24 h, one IP (for a freeze notice)", Table.count(distinctBytes))
            .row("hijack: all of an account that sent a message", Table.count(countersBytes + distinctBytes));
    }

    private static long size(Object root) {
        return GraphLayout.parseInstance(root).totalSize();
    }
}
