package org.jamesguard.core.rdns;

import org.jamesguard.core.GuardMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.dns.DnsConfig;
import org.jamesguard.core.dns.DnsVerifier;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.IprevResult;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.XmlConfigs;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReverseLookupPolicyTest {
    private static final SessionSnapshot OUTSIDE = SessionSnapshot.builder("192.0.2.7").sessionId("s-1").build();
    private static final SessionSnapshot AUTHENTICATED = OUTSIDE.toBuilder().authUser("alice@example.test").build();
    private static final SessionSnapshot TRUSTED = OUTSIDE.toBuilder().trusted(true).build();
    private static final String ENFORCE_ALL = "<ptr><exists><mode>enforce</mode></exists>"
        + "<forwardConfirmed><mode>enforce</mode></forwardConfirmed></ptr>"
        + "<helo><resolvesToClient><mode>enforce</mode></resolvesToClient><exists><mode>enforce</mode></exists></helo>"
        + "<mailFrom><resolvesToClient><mode>enforce</mode></resolvesToClient><hasMx><mode>enforce</mode></hasMx>"
        + "<exists><mode>enforce</mode></exists></mailFrom>";

    @RegisterExtension
    static final TestDnsServer dns = TestDnsServer.start();

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, false, new MutableClock());
    private final DnsVerifier verifier = new DnsVerifier(DnsConfig.defaults().withServers(List.of(dns.address())).withRetries(0), GuardMetrics.NOOP);

    @AfterEach
    void stopTransport() {
        verifier.close();
    }

    private ReverseLookupPolicy policy(String xml) {
        return new ReverseLookupPolicy(
            ReverseLookupConfig.parse(ConfigReader.of(XmlConfigs.parse("<handler>" + xml + "</handler>"), "<handler>")),
            verifier, recorder);
    }

    @Test
    void looksUpTheClientOfAnOutsideSession() throws Exception {
        dns.ptr("192.0.2.7", "mail.example.test").addressRecord("mail.example.test", "192.0.2.7");

        CompletableFuture<IprevResult> lookup = policy("").lookUpClient(OUTSIDE).orElseThrow();

        assertThat(lookup.get(5, TimeUnit.SECONDS).status()).isEqualTo(IprevResult.Status.PASS);
    }

    @Test
    void neverLooksUpTrustedOrExcludedClientsNorWithoutTheLookup() {
        assertThat(policy("").lookUpClient(TRUSTED)).isEmpty();
        assertThat(policy("<ptr><exclusions>192.0.2.0/24</exclusions></ptr>").lookUpClient(OUTSIDE)).isEmpty();
        assertThat(policy("<ptr><lookup>false</lookup></ptr>").lookUpClient(OUTSIDE)).isEmpty();
        assertThat(dns.queries()).isEmpty();
    }

    @Test
    void anAddressLiteralIsResolvedWithoutDns() {
        CompletableFuture<DomainLookup> lookup = policy("").lookUpHelo(OUTSIDE, "[IPv6:2001:db8::7]", new HashSet<>()).orElseThrow();

        assertThat(lookup).isCompletedWithValueMatching(helo -> helo.containsAddress(IpAddresses.parse("2001:db8::7")));
        assertThat(dns.queries()).isEmpty();
    }

    @Test
    void aHeloNameThatIsNotFullyQualifiedFailsTheHeloChecksWithoutDns() {
        ReverseLookupPolicy policy = policy(ENFORCE_ALL);

        for (String helo : List.of("localhost", "laptop.", "mail..example.test", "-mail.example.test", "mail.123")) {
            DomainLookup lookup = policy.lookUpHelo(OUTSIDE, helo, new HashSet<>()).orElseThrow().getNow(null);

            assertThat(lookup).as(helo).isEqualTo(DomainLookup.invalid(helo, "not a fully qualified domain name"));
            assertThat(policy.helo(OUTSIDE, lookup).refusal()).as(helo).flatMap(Decision::reply).map(Object::toString)
                .contains("451 4.1.8 HELO domain not found");
        }
        assertThat(policy("").helo(OUTSIDE, policy.lookUpHelo(OUTSIDE, "laptop", new HashSet<>()).orElseThrow().join()).headers())
            .extracting(Object::toString).containsExactly("X-Guard-Reverse-Lookup: helo-resolves-to-client=fail; "
                + "ip=192.0.2.7; detail=\"laptop does not resolve to 192.0.2.7 (not a fully qualified domain name)\"");
        assertThat(dns.queries()).isEmpty();
    }

    @Test
    void pastTheSessionsHeloLookupsANewNameGetsTheTemporaryAnswerWithoutDns() {
        ReverseLookupPolicy policy = policy("<helo><resolvesToClient><mode>enforce</mode></resolvesToClient></helo>");
        Set<String> lookedUp = new HashSet<>();
        for (String helo : List.of("one.example.test", "two.example.test", "One.Example.Test", "three.example.test")) {
            assertLooksUp(policy.lookUpHelo(OUTSIDE, helo, lookedUp));
        }
        assertThat(lookedUp).hasSize(ReverseLookupPolicy.MAX_HELO_LOOKUPS);
        dns.clearQueries();

        DomainLookup fourth = policy.lookUpHelo(OUTSIDE, "four.example.test", lookedUp).orElseThrow().getNow(null);

        assertThat(fourth.status()).isEqualTo(DomainLookup.Status.TEMPERROR);
        assertThat(policy.helo(OUTSIDE, fourth).refusal()).flatMap(Decision::reply).map(Object::toString)
            .contains("451 4.4.3 Temporary DNS failure, try again later");
        assertThat(policy.lookUpHelo(OUTSIDE, "[192.0.2.7]", lookedUp).orElseThrow().join()
            .containsAddress(IpAddresses.parse("192.0.2.7"))).as("an address literal needs no DNS").isTrue();
        assertThat(dns.queries()).isEmpty();
        assertLooksUp(policy.lookUpHelo(OUTSIDE, "TWO.example.test", lookedUp));
        assertThat(lookedUp).hasSize(ReverseLookupPolicy.MAX_HELO_LOOKUPS);
    }

    @Test
    void theHeloNameIsNotLookedUpWhenExcludedExemptTrustedOrUnchecked() {
        String excluded = "<helo><exclusions>192.0.2.99, *.example.net</exclusions></helo>";

        assertThat(policy(excluded).lookUpHelo(OUTSIDE, "mx.example.net", new HashSet<>())).as("host pattern").isEmpty();
        assertLooksUp(policy(excluded).lookUpHelo(OUTSIDE, "example.net", new HashSet<>()));
        assertThat(policy("<helo><exclusions>192.0.2.7</exclusions></helo>").lookUpHelo(OUTSIDE, "a.test", new HashSet<>())).as("client IP").isEmpty();
        assertThat(policy("").lookUpHelo(AUTHENTICATED, "a.test", new HashSet<>())).as("authenticated").isEmpty();
        assertLooksUp(policy("<helo><exemptAuthenticated>false</exemptAuthenticated></helo>").lookUpHelo(AUTHENTICATED, "a.test", new HashSet<>()));
        assertThat(policy("").lookUpHelo(TRUSTED, "a.test", new HashSet<>())).as("trusted").isEmpty();
        assertThat(policy("<helo><resolvesToClient><mode>off</mode></resolvesToClient></helo>").lookUpHelo(OUTSIDE, "a.test", new HashSet<>()))
            .as("no HELO check on").isEmpty();
    }

    @Test
    void theSenderDomainIsNotLookedUpWhenExcludedExemptTrustedOrUnchecked() {
        assertThat(policy("<mailFrom><exclusions>example.com</exclusions></mailFrom>").lookUpSenderDomain(OUTSIDE, "Example.COM"))
            .as("domain").isEmpty();
        assertThat(policy("<mailFrom><exclusions>192.0.2.0/24</exclusions></mailFrom>").lookUpSenderDomain(OUTSIDE, "example.com"))
            .as("client IP").isEmpty();
        assertThat(policy("").lookUpSenderDomain(AUTHENTICATED, "example.com")).as("authenticated").isEmpty();
        assertThat(policy("").lookUpSenderDomain(TRUSTED, "example.com")).as("trusted").isEmpty();
        assertThat(policy("<mailFrom><resolvesToClient><mode>off</mode></resolvesToClient></mailFrom>")
            .lookUpSenderDomain(OUTSIDE, "example.com")).as("no MAIL FROM check on").isEmpty();
        assertLooksUp(policy("<mailFrom><hasMx><mode>enforce</mode></hasMx><resolvesToClient><mode>off</mode></resolvesToClient></mailFrom>")
            .lookUpSenderDomain(OUTSIDE, "example.com"));
    }

    /** Waits for the lookup, so that its questions do not reach the DNS server during the next test. */
    private static void assertLooksUp(Optional<? extends CompletableFuture<?>> lookup) {
        assertThat(lookup).isPresent();
        lookup.orElseThrow().join();
    }

    @Test
    void thePtrAndHeloChecksDecideAtHeloOnlyWhenAuthenticatedSessionsAreNotExempt() {
        assertThat(policy("").decidesClientAtHelo()).isFalse();
        assertThat(policy("").decidesHeloAtHelo()).isFalse();
        assertThat(policy("<ptr><exemptAuthenticated>false</exemptAuthenticated></ptr>").decidesClientAtHelo()).isTrue();
        assertThat(policy("<helo><exemptAuthenticated>false</exemptAuthenticated></helo>").decidesHeloAtHelo()).isTrue();
    }

    @Test
    void byDefaultFailedChecksOnlyAddWarningHeaders() {
        ReverseLookupPolicy policy = policy("");

        StageResult client = policy.client(OUTSIDE, Facts.permerror());
        StageResult helo = policy.helo(OUTSIDE, Facts.nxdomain("nowhere.test"));
        StageResult sender = policy.senderDomain(OUTSIDE, Facts.found("example.test", false, "192.0.2.99"));

        assertThat(client.refusal()).isEmpty();
        assertThat(client.headers()).extracting(Object::toString).containsExactly(
            "X-Guard-Reverse-Lookup: ptr-exists=fail; ip=192.0.2.7; detail=\"no PTR record\"",
            "X-Guard-Reverse-Lookup: forward-confirmed-ptr=fail; ip=192.0.2.7; detail=\"no PTR record\"");
        assertThat(helo.refusal()).isEmpty();
        assertThat(helo.headers()).extracting(Object::toString).containsExactly("X-Guard-Reverse-Lookup: "
            + "helo-resolves-to-client=fail; ip=192.0.2.7; detail=\"nowhere.test does not resolve to 192.0.2.7 (no such domain)\"");
        assertThat(sender.refusal()).isEmpty();
        assertThat(sender.headers()).extracting(Object::toString).containsExactly("X-Guard-Reverse-Lookup: "
            + "mail-domain-resolves-to-client=fail; ip=192.0.2.7; detail=\"example.test does not resolve to 192.0.2.7\"");
        assertThat(metrics.counts()).containsOnly(entry("jamesguard_ptr_exists_report_only", 1L),
            entry("jamesguard_forward_confirmed_ptr_report_only", 1L),
            entry("jamesguard_helo_resolves_to_client_report_only", 1L),
            entry("jamesguard_mail_domain_resolves_to_client_report_only", 1L));
    }

    @Test
    void enforcingChecksRefuseAndTheFirstRefusalWins() {
        ReverseLookupPolicy policy = policy(ENFORCE_ALL);

        assertThat(policy.client(OUTSIDE, Facts.permerror()).decision()).hasToString("501 5.7.25 Client host has no PTR record (close)");
        assertThat(policy.helo(OUTSIDE, Facts.nxdomain("nowhere.test")).decision())
            .as("a missing domain gets its own reply").hasToString("451 4.1.8 HELO domain not found");
        assertThat(policy.helo(OUTSIDE, Facts.found("mail.example.test", false, "192.0.2.99")).decision())
            .hasToString("501 5.7.1 HELO name does not resolve to the client address (close)");
        assertThat(policy.senderDomain(OUTSIDE, Facts.nxdomain("nowhere.test")).decision())
            .as("a missing domain gets its own reply").hasToString("451 4.1.8 Sender domain not found");
        assertThat(policy.senderDomain(OUTSIDE, Facts.nullMx("example.test")).decision())
            .hasToString("550 5.7.27 Sender domain does not accept mail (null MX)");
    }

    @Test
    void aTemporaryDnsFailureIsNeverPermanent() {
        ReverseLookupPolicy policy = policy(ENFORCE_ALL);

        assertThat(policy.client(OUTSIDE, Facts.ptrTimeout()).decision()).hasToString("451 4.4.3 Temporary DNS failure, try again later");
        assertThat(policy.helo(OUTSIDE, Facts.temperror("example.test", false)).decision())
            .hasToString("451 4.4.3 Temporary DNS failure, try again later");
        assertThat(policy.senderDomain(OUTSIDE, Facts.temperror("example.test", false)).decision())
            .hasToString("451 4.4.3 Temporary DNS failure, try again later");
    }

    @Test
    void authenticatedSessionsAreExemptFromEveryCheckAndTheField() {
        ReverseLookupPolicy policy = policy(ENFORCE_ALL);

        assertThat(policy.client(AUTHENTICATED, Facts.permerror())).isEqualTo(StageResult.PROCEED);
        assertThat(policy.helo(AUTHENTICATED, Facts.nxdomain("nowhere.test"))).isEqualTo(StageResult.PROCEED);
        assertThat(policy.senderDomain(AUTHENTICATED, Facts.nxdomain("nowhere.test"))).isEqualTo(StageResult.PROCEED);
        assertThat(policy.authenticationResults(AUTHENTICATED, "mx.example.test", Facts.pass())).isEmpty();
        assertThat(policy("<ptr><exemptAuthenticated>false</exemptAuthenticated></ptr>")
            .authenticationResults(AUTHENTICATED, "mx.example.test", Facts.pass())).isPresent();
    }

    @Test
    void theAuthenticationResultsFieldNamesOurHostTheResultAndTheIp() {
        assertThat(policy("").authenticationResults(OUTSIDE, "mx.example.test", Facts.fail()).orElseThrow())
            .hasToString("Authentication-Results: mx.example.test; iprev=fail policy.iprev=192.0.2.7");
    }

    @Test
    void theWarningHeaderNameIsConfigurable() {
        ReverseLookupPolicy policy = policy("<warningHeader>X-Reverse-DNS</warningHeader>");

        assertThat(policy.warningHeader()).isEqualTo("X-Reverse-DNS");
        assertThat(policy.client(OUTSIDE, Facts.permerror()).headers()).first().hasToString(
            "X-Reverse-DNS: ptr-exists=fail; ip=192.0.2.7; detail=\"no PTR record\"");
    }

    @Test
    void checksInReportOnlyModeGiveTheirWarningHeaderEvenUnderTheGlobalSwitch() {
        DecisionRecorder reportOnly = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, true, new MutableClock());
        ReverseLookupPolicy policy = new ReverseLookupPolicy(
            ReverseLookupConfig.parse(ConfigReader.of(XmlConfigs.parse("<handler>" + ENFORCE_ALL + "</handler>"), "<handler>")),
            verifier, reportOnly);

        StageResult result = policy.senderDomain(OUTSIDE, Facts.nxdomain("nowhere.test"));

        assertThat(result.refusal()).isEmpty();
        assertThat(result.headers()).extracting(Object::toString).containsExactly(
            "X-Guard-Reverse-Lookup: mail-domain-exists=fail; ip=192.0.2.7; detail=\"nowhere.test: no such domain\"",
            "X-Guard-Reverse-Lookup: mail-domain-resolves-to-client=fail; ip=192.0.2.7; "
                + "detail=\"nowhere.test does not resolve to 192.0.2.7 (no such domain)\"");
    }
}
