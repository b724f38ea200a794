package org.jamesguard.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard the SMTP benchmarks run, from system properties (run.sh passes {@code -D} options
 * given in {@code JAVA_OPTS}): {@code bench.clients} (8), {@code bench.rounds} (5), {@code bench.seconds} (8),
 * {@code bench.warmUpSeconds} (20 per traffic, connection reuse and server: the JIT takes that long),
 * {@code bench.sessions} (100, per server and round of the DNS benchmark);
 * {@code bench.jfr} (false) records a Flight Recorder profile of each James in its {@code logs/james.jfr}.
 */
final class Settings {
    static final List<Duration> DNS_LATENCIES = List.of(Duration.ZERO, Duration.ofMillis(20));

    final int clients = Integer.getInteger("bench.clients", 8);
    final int rounds = Integer.getInteger("bench.rounds", 5);
    final Duration seconds = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
    final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 20));
    final int sessions = Integer.getInteger("bench.sessions", 100);
}
