package org.jamesguard.bench;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** The From checks at the end of DATA: A6's parse and what the differential reading (H2) adds, per message. */
final class FromBenchmarks {
    private FromBenchmarks() {
    }

    static Report run() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include(FromParsingBenchmark.class.getName())
            .shouldFailOnError(true)
            .build()).run();
        List<RunResult> sorted = results.stream()
            .sorted(Comparator.comparing((RunResult r) -> r.getParams().getParam("from"))
                .thenComparing(r -> r.getParams().getBenchmark()))
            .collect(Collectors.toList());
        Table table = new Table("From field", "Step", "µs per message", "± (99.9 % CI)");
        for (RunResult result : sorted) {
            String benchmark = result.getParams().getBenchmark();
            table.row(result.getParams().getParam("from"), "`" + benchmark.substring(benchmark.lastIndexOf('.') + 1) + "`",
                String.format("%.1f", result.getPrimaryResult().getScore()),
                String.format("%.1f", result.getPrimaryResult().getScoreError()));
        }
        return new Report("from", "From checks: what the differential reading costs")
            .paragraph("JMH 1.37, one fork (`-Xms1g -Xmx1g`), 3 × 1 s warm-up, 5 × 1 s measured, one thread; a header "
                + "section of ten fields. `fromOwnership` is A6's parse of the header section (the From field found, "
                + "read strictly and as a mail client displays it); `parsersAgree` is what H2 adds: the value read again "
                + "by javax.mail (strict, lenient) and mime4j (strict, lenient) and compared.")
            .table(table);
    }
}
