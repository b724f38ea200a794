package org.jamesguard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.SmtpReply;
import org.jamesguard.testing.dns.TestDnsServer;

/**
 * A closed-loop SMTP load: {@code clients} threads, each sending one message after another for a fixed time,
 * over a new connection per message or over one connection kept open, as an outside MTA to the MX or as a user
 * of the AUTH listener. Every reply must be the expected one: a refused message stops the benchmark, since
 * refusals would make a server look faster than it is.
 */
final class Load {
    /** A body of about 2 KB, as a short real message is. */
    private static final String FILLER = "The quick brown fox jumps over the lazy dog, again and again, for the benchmark.\r\n"
        .repeat(26);
    private static final Duration SPOOL_DRAIN_LIMIT = Duration.ofMinutes(2);

    enum Traffic {
        MX("MX, unauthenticated", SmtpServers.MX),
        SUBMISSION("submission, AUTH PLAIN", SmtpServers.AUTH);

        final String label;
        final String listener;

        Traffic(String label, String listener) {
            this.label = label;
            this.listener = listener;
        }
    }

    enum Connections {
        NEW("new per message"),
        REUSED("reused");

        final String label;

        Connections(String label) {
            this.label = label;
        }
    }

    /**
     * One round on one server: messages accepted, seconds until James had processed them all, the CPU James
     * used meanwhile, latencies.
     */
    static final class Round {
        final int messages;
        final double seconds;
        final double jamesCpuSeconds;
        final long[] latencies;

        Round(int messages, double seconds, double jamesCpuSeconds, long[] latencies) {
            this.messages = messages;
            this.seconds = seconds;
            this.jamesCpuSeconds = jamesCpuSeconds;
            this.latencies = latencies;
        }

        double perSecond() {
            return messages / seconds;
        }

        /** James's CPU time per message, in milliseconds. */
        double cpuMillisPerMessage() {
            return jamesCpuSeconds * 1000 / messages;
        }
    }

    private Load() {
    }

    /**
     * Sends for {@code duration}, then waits for James's spool to empty: the round lasts until every message is
     * processed by the mailet container, so mail processing, where James Guard's mailets run, counts too.
     * A message's latency is its whole session for new connections, MAIL to the end of DATA for reused ones.
     */
    static Round run(JamesExtension james, Traffic traffic, Connections connections, int clients, Duration duration,
                     Hosts hosts) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            long[] deadline = new long[1];
            List<Future<long[]>> results = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                results.add(threads.submit(() -> {
                    Client sender = new Client(james, traffic, connections, id, hosts);
                    try {
                        ready.countDown();
                        go.await();
                        return sender.sendUntil(deadline[0]);
                    } finally {
                        sender.close();
                    }
                }));
            }
            ready.await();
            long pid = james.server().pid();
            double cpuBefore = ProcessCpu.seconds(pid);
            long start = System.nanoTime();
            deadline[0] = start + duration.toNanos();
            go.countDown();
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> result : results) {
                latencies.add(result.get());
            }
            awaitEmptySpool(james);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = ProcessCpu.seconds(pid) - cpuBefore;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
            return new Round(all.length, seconds, cpu, all);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load client failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Forgets what the round left behind: the DNS servers' query logs. */
    static void cleanUp(SmtpServers servers) {
        servers.dnsServers().forEach(TestDnsServer::clearQueries);
    }

    private static void awaitEmptySpool(JamesExtension james) throws InterruptedException {
        long limit = System.nanoTime() + SPOOL_DRAIN_LIMIT.toNanos();
        while (james.webAdmin().spoolSize() > 0) {
            if (System.nanoTime() > limit) {
                throw new IllegalStateException("James's spool did not empty within " + SPOOL_DRAIN_LIMIT);
            }
            Thread.sleep(5);
        }
    }

    /** One client thread's sessions; latencies in nanoseconds. */
    private static final class Client {
        private final JamesExtension james;
        private final Traffic traffic;
        private final Connections connections;
        private final int id;
        private final Hosts hosts;
        private Hosts.Host host;
        private SmtpClient connection;
        private long[] latencies = new long[1024];
        private int count;

        Client(JamesExtension james, Traffic traffic, Connections connections, int id, Hosts hosts) {
            this.james = james;
            this.traffic = traffic;
            this.connections = connections;
            this.id = id;
            this.hosts = hosts;
            if (connections == Connections.REUSED) {
                open();
            }
        }

        long[] sendUntil(long deadline) {
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                if (connections == Connections.NEW) {
                    open();
                    send();
                    expect(connection.quit(), 221, "QUIT");
                    close();
                } else {
                    send();
                }
                record(System.nanoTime() - start);
            }
            return Arrays.copyOf(latencies, count);
        }

        private void open() {
            host = hosts.next();
            connection = SmtpClient.connect(james.port(traffic.listener), host.ip);
            expect(connection.greeting(), 220, "greeting");
            expect(connection.ehlo(host.name), 250, "EHLO");
            if (traffic == Traffic.SUBMISSION) {
                expect(connection.authPlain(SmtpServers.sender(id), SmtpServers.PASSWORD), 235, "AUTH");
            }
        }

        private void send() {
            String from = traffic == Traffic.MX ? "news@" + host.senderDomain : SmtpServers.sender(id);
            String message = Messages.simple(from, SmtpServers.RECIPIENT, "benchmark") + FILLER;
            expect(connection.send(from, SmtpServers.RECIPIENT, message), 250, "the message");
        }

        private void record(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }

        void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }

        private static void expect(SmtpReply reply, int code, String step) {
            if (reply.code() != code) {
                throw new IllegalStateException(step + " answered " + reply + ", expected " + code);
            }
        }
    }
}
