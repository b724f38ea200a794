package org.jamesguard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jamesguard.bench.Load.Connections;
import org.jamesguard.bench.Load.Round;
import org.jamesguard.bench.Load.Traffic;
import org.jamesguard.harness.JamesExtension;

/**
 * SMTP throughput of James with James Guard against the same James without it ({@link SmtpServers}), for each
 * traffic, connection reuse and DNS latency: a warm-up round on each, then rounds alternating between the two
 * (the first server of a round alternates too), so that whatever else the machine does falls on both.
 */
final class SmtpLoadBenchmark {
    private SmtpLoadBenchmark() {
    }

    static Report run(SmtpServers servers, Settings settings) throws InterruptedException {
        Hosts hosts = new Hosts(servers.dnsServers());
        warmUp(servers, settings, hosts);
        Table table = new Table("Traffic", "Connections", "DNS latency", "Plain James msg/s", "With James Guard msg/s",
            "Ratio (median, min–max)", "James CPU ms/msg plain / with", "Plain p50 / p99 ms", "With James Guard p50 / p99 ms");
        for (Duration dnsLatency : Settings.DNS_LATENCIES) {
            servers.dnsServers().forEach(dns -> dns.delayAll(dnsLatency));
            for (Traffic traffic : Traffic.values()) {
                for (Connections connections : Connections.values()) {
                    scenario(servers, settings, hosts, traffic, connections, dnsLatency, table);
                }
            }
        }
        servers.dnsServers().forEach(dns -> dns.delayAll(Duration.ZERO));
        return new Report("smtp", "SMTP throughput: James 3.8.1 with and without James Guard")
            .paragraph(String.format("%d concurrent clients (closed loop: each sends its next message once the last is "
                + "answered), %d rounds of %d s per server after a warm-up of %d s per traffic, connection reuse and server, rounds alternating between the two "
                + "servers. Both are James 3.8.1 memory servers from james-conf/ with our jar (`-Xms1g -Xmx1g`, full "
                + "JIT); *plain* has James Guard's handlers and mailets taken out, *with James Guard* runs the sample "
                + "as it is, every check on (hijack limits out of reach). A round lasts until James's spool is empty "
                + "again, so msg/s counts messages accepted **and** processed by the mailet container (both servers drop "
                + "them where LocalDelivery would store them: the memory server's mailbox slows down as it grows). "
                + "Each message is about 2 KB, to one local user. MX clients are outside hosts, each connection from a new 127.x.y.z address with "
                + "its own PTR, HELO name and sender domain (no resolver cache helps); submission clients log in "
                + "with AUTH PLAIN (no TLS). Latency: the whole session for new connections, MAIL to end of DATA "
                + "for reused ones. DNS latency is added by the test DNS server to every answer. James CPU is the "
                + "James process's user and system time over the round (from /proc), divided by its messages: "
                + "what a message costs the server, whatever the load generator does on the same cores.",
                settings.clients, settings.rounds, settings.seconds.toSeconds(), settings.warmUp.toSeconds()))
            .table(table);
    }

    private static void warmUp(SmtpServers servers, Settings settings, Hosts hosts) throws InterruptedException {
        for (Traffic traffic : Traffic.values()) {
            for (Connections connections : Connections.values()) {
                for (JamesExtension james : List.of(servers.plain, servers.guard)) {
                    Load.run(james, traffic, connections, settings.clients, settings.warmUp, hosts);
                    Load.cleanUp(servers);
                }
            }
        }
    }

    private static void scenario(SmtpServers servers, Settings settings, Hosts hosts, Traffic traffic,
                                 Connections connections, Duration dnsLatency, Table table) throws InterruptedException {
        List<Round> plain = new ArrayList<>();
        List<Round> guard = new ArrayList<>();
        for (int round = 0; round < settings.rounds; round++) {
            boolean plainFirst = round % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean isPlain = plainFirst == (turn == 0);
                Round result = Load.run(isPlain ? servers.plain : servers.guard, traffic, connections, settings.clients,
                    settings.seconds, hosts);
                (isPlain ? plain : guard).add(result);
                Load.cleanUp(servers);
            }
            System.out.printf("%s, %s, DNS +%d ms, round %d: plain %.0f msg/s, guard %.0f msg/s%n", traffic.label,
                connections.label, dnsLatency.toMillis(), round + 1, plain.get(round).perSecond(), guard.get(round).perSecond());
        }
        double[] ratios = new double[settings.rounds];
        for (int round = 0; round < settings.rounds; round++) {
            ratios[round] = guard.get(round).perSecond() / plain.get(round).perSecond();
        }
        table.row(traffic.label, connections.label, "+" + dnsLatency.toMillis() + " ms",
            Table.count(medianRate(plain)), Table.count(medianRate(guard)),
            Table.ratio(Stats.median(ratios)) + " (" + Table.ratio(Stats.min(ratios)) + "–" + Table.ratio(Stats.max(ratios)) + ")",
            Table.ratio(medianCpu(plain)) + " / " + Table.ratio(medianCpu(guard)), latencies(plain), latencies(guard));
    }

    private static double medianRate(List<Round> rounds) {
        return Stats.median(rounds.stream().mapToDouble(Round::perSecond).toArray());
    }

    private static double medianCpu(List<Round> rounds) {
        return Stats.median(rounds.stream().mapToDouble(Round::cpuMillisPerMessage).toArray());
    }

    private static String latencies(List<Round> rounds) {
        double[] millis = Stats.millis(rounds.stream().flatMapToLong(round -> Arrays.stream(round.latencies)).toArray());
        return Table.millis(Stats.median(millis)) + " / " + Table.millis(Stats.percentile(millis, 99));
    }
}
