package org.jamesguard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Runs the benchmarks named on the command line (all by default): {@code store}, {@code redis}, {@code smtp},
 * {@code dns}, {@code from}.
 * Each writes its section to {@code benchmarks/target/results/}; at the end {@code benchmarks/target/benchmarks.md}
 * holds the machine, the command and every section present, ready for BENCHMARKS.md.
 */
public final class Benchmarks {
    private static final Path RESULTS = Paths.get("benchmarks/target/results");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings();
        SmtpServers[] servers = new SmtpServers[1];
        Map<String, Callable<Report>> all = new LinkedHashMap<>();
        all.put("store", StoreBenchmarks::run);
        all.put("redis", RedisStoreBenchmark::run);
        all.put("smtp", () -> SmtpLoadBenchmark.run(started(servers, settings), settings));
        all.put("dns", () -> DnsLatencyBenchmark.run(started(servers, settings), settings));
        all.put("from", FromBenchmarks::run);
        List<String> chosen = args.length == 0 ? new ArrayList<>(all.keySet()) : List.of(args);
        for (String name : chosen) {
            if (!all.containsKey(name)) {
                System.err.println("unknown benchmark '" + name + "'; choose from " + all.keySet());
                System.exit(2);
            }
        }
        try {
            for (String name : chosen) {
                all.get(name).call().write(RESULTS);
            }
        } finally {
            if (servers[0] != null) {
                servers[0].close();
            }
        }
        Path combined = RESULTS.resolveSibling("benchmarks.md");
        Files.writeString(combined, combined(all.keySet()), StandardCharsets.UTF_8);
        System.out.println("Tables: " + combined.toAbsolutePath());
    }

    /** The two Jamses, started by the first benchmark that needs them and shared by the next. */
    private static SmtpServers started(SmtpServers[] servers, Settings settings) {
        if (servers[0] == null) {
            System.out.println("Starting plain James and James with James Guard...");
            servers[0] = SmtpServers.start(settings.clients);
        }
        return servers[0];
    }

    private static String combined(Iterable<String> order) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Measured on ").append(LocalDate.now()).append(": ").append(machine()).append("\n\n");
        out.append("Command: `benchmarks/run.sh` (all), or `benchmarks/run.sh store redis smtp dns`\n\n");
        for (String name : order) {
            Path section = RESULTS.resolve(name + ".md");
            if (Files.exists(section)) {
                out.append(Files.readString(section, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    /** CPU model and count, memory, OS and Java, as /proc and the JVM report them. */
    static String machine() throws IOException {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Paths.get("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(cpu);
        }
        long memoryMb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalPhysicalMemorySize() >> 20;
        return String.format("%d × %s, %,d MB RAM, %s %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(), cpu,
            memoryMb, System.getProperty("os.name"), System.getProperty("os.version"),
            System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
