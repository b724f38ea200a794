package org.jamesguard.core.dns;

import org.jamesguard.core.GuardMetrics;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.testing.dns.TestDnsServer;

/** Verifiers that ask only the test server, each with a cache of its own. */
final class Verifiers {
    /** Never reached on loopback, even on a loaded machine: a test sees a timeout only when it drops a query. */
    static final Duration GENEROUS_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    /** Longer than any test runs: a question the test server holds or drops stays in flight until the test ends. */
    static final Duration NEVER_WITHIN_A_TEST = Duration.ofMinutes(10);

    private Verifiers() {
    }

    /** Answers after a few milliseconds: see {@link TestDnsServer#startAnsweringAfter}. */
    static TestDnsServer dnsServer() {
        return TestDnsServer.startAnsweringAfter(Duration.ofMillis(20));
    }

    static DnsVerifier against(TestDnsServer dns) {
        return against(dns, GENEROUS_TIMEOUT);
    }

    static DnsVerifier against(TestDnsServer dns, Duration timeout) {
        return new DnsVerifier(DnsConfig.defaults().withServers(List.of(dns.address())).withTimeout(timeout).withRetries(0), GuardMetrics.NOOP);
    }

    /** Waits, boundedly, for a result the verifier promises to deliver within its own deadline. */
    static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get(GENEROUS_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("expected a result, got " + e, e);
        }
    }
}
