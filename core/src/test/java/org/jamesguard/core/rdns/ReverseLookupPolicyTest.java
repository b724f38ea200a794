package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;

class ReverseLookupPolicyTest {
    private static final SessionSnapshot OUTSIDE = SessionSnapshot.builder("192.0.2.7").sessionId("s-1").build();
    private static final SessionSnapshot AUTHENTICATED = OUTSIDE.toBuilder().authUser("alice@example.test").build();
    private static final SessionSnapshot TRUSTED = OUTSIDE.toBuilder().trusted(true).build();
    private static final String ENFORCE_ALL = "<ptr><exists><mode>enforce</mode></exists>"
        + "<forwardConfirmed><mode>enforce</mode></forwardConfirmed></ptr>"
        + "<helo><resolvesToClient><mode>enforce</mode></resolvesToClient><exists><mode>enforce</mode></exists></helo>"
        + "<mailFrom><resolvesToClient><mode>enforce</mode></resolvesToClient><hasMx><mode>enforce</mode></hasMx>"
        + "<exists><mode>enforce</mode></exists></mailFrom>";

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, false, new MutableClock());
    private ReverseLookupPolicy policy(String xml) {
        return new ReverseLookupPolicy(
            ReverseLookupConfig.parse(ConfigReader.of(XmlConfigs.parse("<handler>" + xml + "</handler>"), "<handler>")),
            recorder);
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
            reportOnly);

        StageResult result = policy.senderDomain(OUTSIDE, Facts.nxdomain("nowhere.test"));

        assertThat(result.refusal()).isEmpty();
        assertThat(result.headers()).extracting(Object::toString).containsExactly(
            "X-Guard-Reverse-Lookup: mail-domain-exists=fail; ip=192.0.2.7; detail=\"nowhere.test: no such domain\"",
            "X-Guard-Reverse-Lookup: mail-domain-resolves-to-client=fail; ip=192.0.2.7; "
                + "detail=\"nowhere.test does not resolve to 192.0.2.7 (no such domain)\"");
    }
}
