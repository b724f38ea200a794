package org.jamesguard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.dns.Verifiers.result;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.jamesguard.core.dns.DomainLookup.Status;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/** H3: at most {@code <dns><maxQuestionsInFlight>} questions are out at once; past it, a temporary error, counted. */
class QuestionsInFlightCapTest {
    private static final String REFUSED = "jamesguard_dns_questions_refused";
    private static final String IN_FLIGHT = "jamesguard_dns_questions_in_flight";

    @RegisterExtension
    static final TestDnsServer dns = Verifiers.dnsServer();

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final DnsVerifier verifier = new DnsVerifier(DnsConfig.defaults().withServers(List.of(dns.address()))
        .withTimeout(Verifiers.NEVER_WITHIN_A_TEST).withRetries(0).withMaxQuestionsInFlight(3), metrics);

    @AfterEach
    void stopTransport() {
        verifier.close();
    }

    @Test
    void pastTheCapAQuestionIsNotAskedAndItsCheckGetsATemporaryError() {
        dns.drop("silent.example.test").addressRecord("mail.example.test", "127.0.0.7");
        CompletableFuture<DomainLookup> silent = verifier.resolveDomain("silent.example.test");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> dns.queries().size() == 3);

        DomainLookup refused = result(verifier.resolveDomain("mail.example.test"));

        assertThat(refused.status()).isEqualTo(Status.TEMPERROR);
        assertThat(refused.detail()).isEqualTo("mail.example.test/A: not asked, 3 DNS questions already in flight, "
            + "mail.example.test/AAAA: not asked, 3 DNS questions already in flight, "
            + "mail.example.test/MX: not asked, 3 DNS questions already in flight");
        assertThat(dns.queryCount("mail.example.test", Type.A)).isZero();
        assertThat(metrics.count(REFUSED)).isEqualTo(3);
        assertThat(metrics.gaugeValue(IN_FLIGHT)).isEqualTo(3);
        assertThat(silent).isNotDone();
    }

    @Test
    void anIprevCheckPastTheCapIsATemporaryErrorToo() {
        dns.drop("silent.example.test");
        verifier.resolveDomain("silent.example.test");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> dns.queries().size() == 3);

        IprevResult iprev = result(verifier.verifyClientIp(IpAddresses.parse("127.0.0.7")));

        assertThat(iprev.status()).isEqualTo(IprevResult.Status.TEMPERROR);
        assertThat(metrics.count(REFUSED)).isEqualTo(1);
    }

    @Test
    void aQuestionAlreadyInFlightIsSharedAndTakesNoSecondPlace() {
        dns.drop("silent.example.test");
        verifier.resolveDomain("silent.example.test");
        verifier.resolveDomain("SILENT.example.test.");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> dns.queries().size() == 3);

        assertThat(metrics.count(REFUSED)).isZero();
        assertThat(dns.queries()).hasSize(3);
    }

    @Test
    void answeredQuestionsGiveTheirPlaceBack() {
        for (int i = 0; i < 10; i++) {
            dns.addressRecord("mail" + i + ".example.test", "127.0.0.7");
            assertThat(result(verifier.resolveDomain("mail" + i + ".example.test")).status()).isEqualTo(Status.FOUND);
        }

        assertThat(metrics.count(REFUSED)).isZero();
        assertThat(metrics.gaugeValue(IN_FLIGHT)).isEqualTo(0);
    }
}
