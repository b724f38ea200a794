package org.jamesguard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.SmtpReply;

/**
 * What DNS checks add to an SMTP session when every answer takes 20 ms: one client, one session after another,
 * each from a new host (so nothing is cached), against plain James (no DNS checks), James Guard's MX (PTR,
 * forward confirmation, HELO name, MAIL FROM domain) and James's own ResolvableEhloHeloHandler and
 * ValidSenderDomainHandler. Without load, the added time is the DNS waits the checks leave in the session.
 */
final class DnsLatencyBenchmark {
    private static final Duration DNS_LATENCY = Duration.ofMillis(20);

    private DnsLatencyBenchmark() {
    }

    static Report run(SmtpServers servers, Settings settings) {
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put("plain James, no DNS checks", new Target(servers.plain, SmtpServers.MX));
        targets.put("James Guard: PTR, forward confirmation, HELO, MAIL FROM (B1–B13)", new Target(servers.guard, SmtpServers.MX));
        targets.put("James: ResolvableEhloHeloHandler + ValidSenderDomainHandler", new Target(servers.plain, SmtpServers.JAMES_DNS));
        Hosts hosts = new Hosts(servers.dnsServers());
        Table table = new Table("Server", "DNS latency", "Session p50 ms", "p90 ms", "Added to plain (p50) ms",
            "Added, in DNS round trips");
        for (Duration latency : List.of(Duration.ZERO, DNS_LATENCY)) {
            servers.dnsServers().forEach(dns -> dns.delayAll(latency));
            targets.values().forEach(target -> target.sessions(hosts, settings.sessions)); // warm-up
            targets.values().forEach(Target::forget);
            List<Target> order = new ArrayList<>(targets.values());
            for (int round = 0; round < settings.rounds; round++) {
                order.forEach(target -> target.sessions(hosts, settings.sessions));
                order.add(order.remove(0));
                servers.dnsServers().forEach(dns -> dns.clearQueries());
            }
            double baseline = Stats.median(targets.values().iterator().next().millis());
            targets.forEach((name, target) -> {
                double[] millis = target.millis();
                double added = Stats.median(millis) - baseline;
                table.row(name, "+" + latency.toMillis() + " ms", Table.millis(Stats.median(millis)),
                    Table.millis(Stats.percentile(millis, 90)), Table.millis(added),
                    latency.isZero() ? "–" : Table.ratio(added / latency.toMillis()));
            });
            targets.values().forEach(Target::forget);
        }
        servers.dnsServers().forEach(dns -> dns.delayAll(Duration.ZERO));
        return new Report("dns", "DNS latency hiding: what the DNS checks add to a session")
            .paragraph(String.format("One client, sessions one after another (connect, EHLO, MAIL, RCPT, DATA, QUIT), each "
                + "from a new outside host with a forward-confirmed PTR name used as HELO name and a sender domain "
                + "whose MX is that host, so no resolver cache helps. %d sessions per server and round, %d rounds "
                + "rotating the servers' order, after a warm-up. James Guard runs the sample MX configuration "
                + "(every reverse-lookup check on, reporting); James's handlers ask the same kind of test DNS server "
                + "through James's own resolver.", settings.sessions, settings.rounds))
            .table(table);
    }

    /** A listener of a server, and the session times measured on it. */
    private static final class Target {
        private final JamesExtension james;
        private final String listener;
        private final List<Double> millis = new ArrayList<>();

        Target(JamesExtension james, String listener) {
            this.james = james;
            this.listener = listener;
        }

        void sessions(Hosts hosts, int count) {
            for (int i = 0; i < count; i++) {
                Hosts.Host host = hosts.next();
                long start = System.nanoTime();
                try (SmtpClient client = SmtpClient.connect(james.port(listener), host.ip)) {
                    expect(client.greeting(), 220);
                    expect(client.ehlo(host.name), 250);
                    String from = "news@" + host.senderDomain;
                    expect(client.send(from, SmtpServers.RECIPIENT,
                        Messages.simple(from, SmtpServers.RECIPIENT, "dns")), 250);
                    expect(client.quit(), 221);
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }

        double[] millis() {
            return millis.stream().mapToDouble(Double::doubleValue).toArray();
        }

        void forget() {
            millis.clear();
        }

        private void expect(SmtpReply reply, int code) {
            if (reply.code() != code) {
                throw new IllegalStateException(listener + " answered " + reply + ", expected " + code);
            }
        }
    }
}
