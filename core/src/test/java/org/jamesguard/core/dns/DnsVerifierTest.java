package org.jamesguard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.dns.Verifiers.result;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.testing.dns.ReceivedQuery;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/** What both lookups share: transport, cache, and never holding up the caller. */
class DnsVerifierTest {
    private static final InetAddress CLIENT = IpAddresses.parse("127.0.0.7");

    @RegisterExtension
    static final TestDnsServer dns = Verifiers.dnsServer();

    private final DnsVerifier verifier = Verifiers.against(dns);

    @AfterEach
    void stopTransport() {
        verifier.close();
    }

    @Test
    void aTruncatedUdpAnswerIsFetchedAgainOverTcp() {
        dns.addressRecord("example.test", "127.0.0.5").truncate("example.test", Type.A);

        DomainLookup lookup = result(verifier.resolveDomain("example.test"));

        assertThat(lookup.containsAddress(IpAddresses.parse("127.0.0.5"))).isTrue();
        assertThat(dns.queries()).filteredOn(query -> query.asks("example.test", Type.A))
            .extracting(ReceivedQuery::transport)
            .containsExactly(ReceivedQuery.Transport.UDP, ReceivedQuery.Transport.TCP);
    }

    @Test
    void eachCheckIsTimed() {
        RecordingMetrics metrics = new RecordingMetrics();
        dns.ptr("127.0.0.7", "mail.example.test").addressRecord("mail.example.test", "127.0.0.7");
        try (DnsVerifier timed = new DnsVerifier(DnsConfig.defaults().withServers(List.of(dns.address()))
                .withRetries(0), metrics)) {
            result(timed.verifyClientIp(CLIENT));
            result(timed.resolveDomain("mail.example.test"));
        }

        assertThat(metrics.timers()).containsExactly("jamesguard_dns_iprev", "jamesguard_dns_domain");
    }

    @Test
    void aRepeatedLookupIsAnsweredFromTheCache() {
        dns.ptr("127.0.0.7", "mail.example.test").addressRecord("mail.example.test", "127.0.0.7");
        IprevResult first = result(verifier.verifyClientIp(CLIENT));
        int queriesAfterFirst = dns.queries().size();

        IprevResult second = result(verifier.verifyClientIp(CLIENT));

        assertThat(second).isEqualTo(first);
        assertThat(dns.queries()).hasSize(queriesAfterFirst);
    }

    @Test
    void negativeAnswersAreCachedToo() {
        dns.addressRecord("host.example.test", "127.0.0.5");
        DomainLookup first = result(verifier.resolveDomain("nowhere.example.test"));
        DomainLookup nodata = result(verifier.resolveDomain("example.test"));
        int queriesAfterFirst = dns.queries().size();

        assertThat(result(verifier.resolveDomain("nowhere.example.test"))).isEqualTo(first);
        assertThat(result(verifier.resolveDomain("example.test"))).isEqualTo(nodata);
        assertThat(dns.queries()).hasSize(queriesAfterFirst);
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsUsed() {
        dns.ptr("127.0.0.7", "mail.example.test").addressRecord("mail.example.test", "127.0.0.7")
            .delayAll(Duration.ofMillis(100));

        assertThat(result(verifier.verifyClientIp(CLIENT)).status()).isEqualTo(IprevResult.Status.PASS);
    }

    @Test
    void theCallerGetsTheFutureBeforeAnyAnswerArrives() {
        dns.ptr("127.0.0.7", "mail.example.test").addressRecord("mail.example.test", "127.0.0.7")
            .hold(TestDnsServer.reverseName("127.0.0.7"));
        try (DnsVerifier patient = Verifiers.against(dns, Verifiers.NEVER_WITHIN_A_TEST)) {
            CompletableFuture<IprevResult> pending = patient.verifyClientIp(CLIENT);

            assertThat(pending).as("returned without waiting for DNS").isNotDone();
            dns.release();
            assertThat(result(pending).status()).isEqualTo(IprevResult.Status.PASS);
        }
    }

    @Test
    void aQuestionInFlightIsAskedOnce() {
        // the HELO name is the PTR name: its forward lookup, asked first, confirms the PTR too
        dns.ptr("127.0.0.7", "mail.example.test").addressRecord("mail.example.test", "127.0.0.7")
            .delay("mail.example.test", Type.A, Duration.ofMillis(300));
        CompletableFuture<DomainLookup> helo = verifier.resolveDomain("mail.example.test");

        IprevResult iprev = result(verifier.verifyClientIp(CLIENT));

        assertThat(iprev.status()).isEqualTo(IprevResult.Status.PASS);
        assertThat(result(helo).containsAddress(CLIENT)).isTrue();
        // the answer completes each caller's copy on the DNS thread, so the HELO's copy may complete just after the
        // iprev result reaches this thread: the one query asked is what shows the sharing
        assertThat(dns.queryCount("mail.example.test", Type.A)).as("shared the A query with the iprev check").isEqualTo(1);
    }

    @Test
    void aSharedQuestionTimesOutForEachCheckOnItsOwnDeadline() {
        dns.ptr("127.0.0.7", "mail.example.test").addressRecord("mail.example.test", "127.0.0.7")
            .drop("mail.example.test", Type.A);
        try (DnsVerifier impatient = Verifiers.against(dns, Verifiers.SHORT_TIMEOUT)) {
            CompletableFuture<DomainLookup> helo = impatient.resolveDomain("mail.example.test");
            CompletableFuture<IprevResult> iprev = impatient.verifyClientIp(CLIENT);

            assertThat(result(helo).status()).isEqualTo(DomainLookup.Status.TEMPERROR);
            assertThat(result(iprev).status()).isEqualTo(IprevResult.Status.TEMPERROR);
        }
    }
}
