package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.dns.DnsFacts;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.IprevResult;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;

/** The stages of one connection, against DNS answers the test gives by hand, when it chooses. */
class ReverseLookupSessionTest {
    private static final SessionSnapshot OUTSIDE = SessionSnapshot.builder("192.0.2.7").sessionId("s-1").build();
    private static final SessionSnapshot AUTHENTICATED = OUTSIDE.toBuilder().authUser("alice@example.test").build();
    private static final SessionSnapshot TRUSTED = OUTSIDE.toBuilder().trusted(true).build();
    private static final String HOST = "mx.example.test";
    private static final String TEMPFAIL = "451 4.4.3 Temporary DNS failure, try again later";
    private static final String ENFORCE_PTR = "<ptr><exists><mode>enforce</mode></exists>"
        + "<forwardConfirmed><mode>enforce</mode></forwardConfirmed></ptr>";
    private static final String ENFORCE_HELO = "<helo><resolvesToClient><mode>enforce</mode></resolvesToClient>"
        + "<exists><mode>enforce</mode></exists></helo>";
    private static final String ENFORCE_MAIL = "<mailFrom><resolvesToClient><mode>enforce</mode></resolvesToClient>"
        + "<hasMx><mode>enforce</mode></hasMx><exists><mode>enforce</mode></exists></mailFrom>";
    private static final String AT_HELO = "<ptr><exemptAuthenticated>false</exemptAuthenticated></ptr>"
        + "<helo><exemptAuthenticated>false</exemptAuthenticated></helo>";
    private static final String ENFORCE_ALL_AT_HELO = "<ptr><exists><mode>enforce</mode></exists>"
        + "<forwardConfirmed><mode>enforce</mode></forwardConfirmed><exemptAuthenticated>false</exemptAuthenticated></ptr>"
        + "<helo><resolvesToClient><mode>enforce</mode></resolvesToClient><exists><mode>enforce</mode></exists>"
        + "<exemptAuthenticated>false</exemptAuthenticated></helo>" + ENFORCE_MAIL;

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ManualDns dns = new ManualDns();

    private ReverseLookupSession session(String xml) {
        DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, false, new MutableClock());
        ReverseLookupPolicy policy = new ReverseLookupPolicy(
            ReverseLookupConfig.parse(ConfigReader.of(XmlConfigs.parse("<handler>" + xml + "</handler>"), "<handler>")), recorder);
        return new ReverseLookupSession(policy, dns);
    }

    private ReverseLookupSession connected(String xml, SessionSnapshot snapshot) {
        ReverseLookupSession session = session(xml);
        session.connected(snapshot);
        return session;
    }

    // --- connect

    @Test
    void theClientOfAnOutsideSessionIsLookedUpAtConnect() {
        connected("", OUTSIDE);

        assertThat(dns.clientsAsked).containsExactly(Facts.CLIENT);
    }

    @Test
    void trustedExcludedOrUnlookedClientsAreNeverLookedUpAndGetNoField() {
        List<ReverseLookupSession> sessions = List.of(connected("", TRUSTED),
            connected("<ptr><exclusions>192.0.2.0/24</exclusions></ptr>", OUTSIDE),
            connected("<ptr><lookup>false</lookup></ptr>", OUTSIDE));

        assertThat(dns.clientsAsked).isEmpty();
        for (ReverseLookupSession session : sessions) {
            assertThat(session.mailArrives(OUTSIDE, Optional.empty())).isEmpty();
            assertThat(session.decideMail(OUTSIDE, Optional.empty())).isEqualTo(Decision.PROCEED);
            assertThat(session.messageFields(OUTSIDE, HOST)).isEmpty();
        }
    }

    // --- HELO, deciding at HELO (B4, B9 off)

    @Test
    void atHeloTheCommandWaitsForTheClientAndTheHeloAnswersThenTheChecksDecide() {
        ReverseLookupSession session = connected(ENFORCE_ALL_AT_HELO, OUTSIDE);

        CompletableFuture<?> needed = session.heloArrives(OUTSIDE, " mail.example.test ").orElseThrow();

        assertThat(dns.domainsAsked).containsExactly("mail.example.test");
        dns.answerClient(Facts.pass());
        assertThat(needed).as("the HELO name is not answered yet").isNotDone();
        dns.answer(Facts.found("mail.example.test", false, "192.0.2.7"));
        assertThat(needed).isDone();
        assertThat(session.decideHelo(OUTSIDE)).isEqualTo(Decision.PROCEED);
        assertThat(session.heloArrives(OUTSIDE, "MAIL.example.test")).as("decided for the connection").isEmpty();
        assertThat(dns.domainsAsked).as("the same name keeps its lookup").hasSize(1);
    }

    @Test
    void atHeloAPtrRefusalStopsTheStageAndTheCheckRunsAgainNextTime() {
        ReverseLookupSession session = connected(ENFORCE_ALL_AT_HELO, OUTSIDE);
        session.heloArrives(OUTSIDE, "mail.example.test");
        dns.answerClient(Facts.permerror());
        dns.answer(Facts.nxdomain("mail.example.test"));

        assertThat(session.decideHelo(OUTSIDE)).hasToString("501 5.7.25 Client host has no PTR record (close)");
        assertThat(session.decideHelo(OUTSIDE)).hasToString("501 5.7.25 Client host has no PTR record (close)");
        assertThat(metrics.counts()).containsOnly(entry("jamesguard_ptr_exists_reject", 2L));
    }

    @Test
    void atHeloAHeloRefusalLeavesTheHeloUndecidedWhileThePassedPtrIsNotRunAgain() {
        ReverseLookupSession session = connected(ENFORCE_ALL_AT_HELO, OUTSIDE);
        session.heloArrives(OUTSIDE, "mail.example.test");
        dns.answerClient(Facts.pass());
        dns.answer(Facts.found("mail.example.test", false, "192.0.2.99"));

        assertThat(session.decideHelo(OUTSIDE)).hasToString("501 5.7.1 HELO name does not resolve to the client address (close)");
        assertThat(session.decideMail(OUTSIDE, Optional.empty())).as("still undecided at MAIL")
            .hasToString("501 5.7.1 HELO name does not resolve to the client address (close)");
        assertThat(metrics.counts()).containsOnly(entry("jamesguard_ptr_exists_pass", 1L),
            entry("jamesguard_forward_confirmed_ptr_pass", 1L), entry("jamesguard_helo_domain_exists_pass", 2L),
            entry("jamesguard_helo_resolves_to_client_reject", 2L));
    }

    @Test
    void aTemporaryDnsAnswerIsNeverPermanent() {
        ReverseLookupSession session = connected(ENFORCE_ALL_AT_HELO, OUTSIDE);
        session.heloArrives(OUTSIDE, "mail.example.test");
        dns.answerClient(Facts.ptrTimeout());
        dns.answer(Facts.temperror("mail.example.test", false));

        assertThat(session.decideHelo(OUTSIDE)).hasToString(TEMPFAIL);

        ReverseLookupSession heloOnly = connected("<ptr><lookup>false</lookup></ptr>" + ENFORCE_ALL_AT_HELO.substring(
            ENFORCE_ALL_AT_HELO.indexOf("<helo>")), OUTSIDE);
        heloOnly.heloArrives(OUTSIDE, "mail.example.test");
        assertThat(heloOnly.decideHelo(OUTSIDE)).as("the lookup shared with the first session").hasToString(TEMPFAIL);
    }

    @Test
    void aStageDecidedBeforeItsAnswerCameReadsTheTemporaryAnswer() {
        ReverseLookupSession session = connected(ENFORCE_ALL_AT_HELO, OUTSIDE);
        session.heloArrives(OUTSIDE, "mail.example.test");

        assertThat(session.decideHelo(OUTSIDE)).hasToString(TEMPFAIL);
        dns.answerClient(Facts.pass());
        assertThat(session.decideHelo(OUTSIDE)).hasToString(TEMPFAIL);
        dns.answer(Facts.found("mail.example.test", false, "192.0.2.7"));
        assertThat(session.decideHelo(OUTSIDE)).isEqualTo(Decision.PROCEED);
    }

    // --- deciding at MAIL (B4, B9, B13 on, the default)

    @Test
    void byDefaultHeloWaitsForNothingAndMailWaitsForEveryAnswer() {
        ReverseLookupSession session = connected(ENFORCE_PTR + ENFORCE_HELO + ENFORCE_MAIL, OUTSIDE);

        assertThat(session.heloArrives(OUTSIDE, "mail.example.test")).isEmpty();
        assertThat(session.decideHelo(OUTSIDE)).isEqualTo(Decision.PROCEED);
        CompletableFuture<?> needed = session.mailArrives(OUTSIDE, Optional.of("example.org")).orElseThrow();

        assertThat(dns.domainsAsked).containsExactly("mail.example.test", "example.org");
        dns.answerClient(Facts.pass());
        dns.answer(Facts.found("mail.example.test", false, "192.0.2.7"));
        assertThat(needed).isNotDone();
        dns.answer(Facts.found("example.org", true, "192.0.2.7"));
        assertThat(needed).isDone();
        assertThat(session.decideMail(OUTSIDE, Optional.of("example.org"))).isEqualTo(Decision.PROCEED);
        assertThat(metrics.counts()).doesNotContainKey("jamesguard_ptr_exists_reject")
            .containsEntry("jamesguard_ptr_exists_pass", 1L).containsEntry("jamesguard_helo_resolves_to_client_pass", 1L)
            .containsEntry("jamesguard_mail_domain_has_mx_pass", 1L);
    }

    @Test
    void anAuthenticatedSessionIsExemptAtMailFromEveryCheckAndTheField() {
        ReverseLookupSession session = connected(ENFORCE_PTR + ENFORCE_HELO + ENFORCE_MAIL, OUTSIDE);
        session.heloArrives(OUTSIDE, "mail.example.test");

        assertThat(session.mailArrives(AUTHENTICATED, Optional.of("example.org"))).as("waits for nothing").isEmpty();
        assertThat(dns.domainsAsked).as("B13: the sender domain is not looked up").containsExactly("mail.example.test");
        assertThat(session.decideMail(AUTHENTICATED, Optional.of("example.org"))).isEqualTo(Decision.PROCEED);
        dns.answerClient(Facts.permerror());
        assertThat(session.decideMail(AUTHENTICATED, Optional.of("example.org"))).isEqualTo(Decision.PROCEED);
        assertThat(session.messageFields(AUTHENTICATED, HOST)).isEmpty();
        assertThat(metrics.counts()).isEmpty();
    }

    @Test
    void anAuthenticatedSessionIsNotLookedUpAtHeloWhenExempt() {
        ReverseLookupSession session = connected("", AUTHENTICATED);

        assertThat(session.heloArrives(AUTHENTICATED, "mail.example.test")).isEmpty();
        assertThat(dns.domainsAsked).isEmpty();
    }

    @Test
    void eachExemptionIsItsOwn() {
        ReverseLookupSession session = connected("<ptr><exemptAuthenticated>false</exemptAuthenticated>"
            + "<exists><mode>enforce</mode></exists></ptr>" + ENFORCE_MAIL, OUTSIDE);
        session.heloArrives(AUTHENTICATED, "mail.example.test");

        CompletableFuture<?> needed = session.mailArrives(AUTHENTICATED, Optional.of("example.org")).orElseThrow();

        assertThat(dns.domainsAsked).as("B9, B13 exempt").isEmpty();
        dns.answerClient(Facts.permerror());
        assertThat(needed).as("B4 off: the PTR answer alone").isDone();
        assertThat(session.decideMail(AUTHENTICATED, Optional.of("example.org")))
            .hasToString("501 5.7.25 Client host has no PTR record (close)");
    }

    @Test
    void reportOnlyFailuresGiveTheirWarningsInOrderAfterTheField() {
        ReverseLookupSession session = connected("", OUTSIDE);
        session.heloArrives(OUTSIDE, "nowhere.test");
        session.mailArrives(OUTSIDE, Optional.of("example.org"));
        dns.answerClient(Facts.permerror());
        dns.answer(Facts.nxdomain("nowhere.test"));
        dns.answer(Facts.found("example.org", true, "192.0.2.99"));

        assertThat(session.decideMail(OUTSIDE, Optional.of("example.org"))).isEqualTo(Decision.PROCEED);

        assertThat(session.messageFields(OUTSIDE, HOST)).extracting(Object::toString).containsExactly(
            "Authentication-Results: mx.example.test; iprev=permerror policy.iprev=192.0.2.7",
            "X-Guard-Reverse-Lookup: ptr-exists=fail; ip=192.0.2.7; detail=\"no PTR record\"",
            "X-Guard-Reverse-Lookup: forward-confirmed-ptr=fail; ip=192.0.2.7; detail=\"no PTR record\"",
            "X-Guard-Reverse-Lookup: helo-resolves-to-client=fail; ip=192.0.2.7; "
                + "detail=\"nowhere.test does not resolve to 192.0.2.7 (no such domain)\"",
            "X-Guard-Reverse-Lookup: mail-domain-resolves-to-client=fail; ip=192.0.2.7; "
                + "detail=\"example.org does not resolve to 192.0.2.7\"");
        assertThat(session.messageFields(OUTSIDE, HOST)).as("the sender's warnings were the last message's")
            .hasSize(4);
    }

    @Test
    void eachMailDecidesTheSenderAgainAndKeepsOnlyItsOwnWarnings() {
        ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>", OUTSIDE);
        session.mailArrives(OUTSIDE, Optional.of("example.org"));
        dns.answer(Facts.found("example.org", true, "192.0.2.99"));
        session.decideMail(OUTSIDE, Optional.of("example.org"));

        assertThat(session.decideMail(OUTSIDE, Optional.empty())).as("the null sender").isEqualTo(Decision.PROCEED);
        assertThat(session.messageFields(OUTSIDE, HOST)).isEmpty();
        session.decideMail(OUTSIDE, Optional.of("Example.ORG"));
        assertThat(session.messageFields(OUTSIDE, HOST)).hasSize(1);
        assertThat(dns.domainsAsked).as("the same domain keeps its lookup").containsExactly("example.org");
    }

    @Test
    void anEnforcingSenderCheckRefusesAtMail() {
        ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>" + ENFORCE_MAIL, OUTSIDE);
        session.mailArrives(OUTSIDE, Optional.of("nowhere.test"));
        dns.answer(Facts.nxdomain("nowhere.test"));

        assertThat(session.decideMail(OUTSIDE, Optional.of("nowhere.test"))).hasToString("451 4.1.8 Sender domain not found");
        assertThat(session.messageFields(OUTSIDE, HOST)).isEmpty();
    }

    // --- H3: lookups in flight and HELO names

    @Test
    void aHeloNamingAnotherNameWaitsForTheLookupInFlightThenStartsItsOwn() {
        ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>", OUTSIDE);
        session.heloArrives(OUTSIDE, "one.example.test");

        CompletableFuture<?> first = session.heloArrives(OUTSIDE, "two.example.test").orElseThrow();
        assertThat(session.heloArrives(OUTSIDE, null)).as("HELO without a name").containsSame(first);
        assertThat(session.heloArrives(OUTSIDE, "ONE.example.test")).as("the same name").isEmpty();

        assertThat(dns.domainsAsked).containsExactly("one.example.test");
        dns.answer(Facts.found("one.example.test", false, "192.0.2.7"));
        assertThat(first).isDone();
        assertThat(session.heloArrives(OUTSIDE, "two.example.test")).isEmpty();
        assertThat(dns.domainsAsked).containsExactly("one.example.test", "two.example.test");
    }

    @Test
    void aNewHeloNameReplacesTheWarningsOfTheLast() {
        ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>"
            + "<helo><exclusions>*.example.net</exclusions></helo>", OUTSIDE);
        for (String unchecked : List.of("mx.example.net", "[192.0.2.7]")) {
            session.heloArrives(OUTSIDE, "one.example.test");
            dns.answer(Facts.nxdomain("one.example.test"));
            session.decideMail(OUTSIDE, Optional.empty());
            assertThat(session.messageFields(OUTSIDE, HOST)).hasSize(1);

            session.heloArrives(OUTSIDE, unchecked);
            session.decideMail(OUTSIDE, Optional.empty());

            assertThat(session.messageFields(OUTSIDE, HOST)).as("excluded, or the client's address literal").isEmpty();
        }
        assertThat(dns.domainsAsked).as("an address literal needs no DNS").containsExactly("one.example.test", "one.example.test");
    }

    @Test
    void aSessionsFirstThreeHeloNamesAreLookedUpAndANewOneAfterThemGetsTheTemporaryAnswer() {
        ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>" + ENFORCE_ALL_AT_HELO
            .substring(ENFORCE_ALL_AT_HELO.indexOf("<helo>")), OUTSIDE);
        for (String name : List.of("one.example.test", "two.example.test", "One.Example.Test", "three.example.test")) {
            session.heloArrives(OUTSIDE, name);
            dns.answer(Facts.found(name.toLowerCase(Locale.ROOT), false, "192.0.2.7"));
        }
        assertThat(dns.domainsAsked).as("a name asked again counts once")
            .containsExactly("one.example.test", "two.example.test", "One.Example.Test", "three.example.test");

        assertThat(session.heloArrives(OUTSIDE, "four.example.test")).as("answered without DNS").isEmpty();
        assertThat(session.decideHelo(OUTSIDE)).hasToString(TEMPFAIL);
        session.heloArrives(OUTSIDE, "[192.0.2.7]");
        assertThat(session.decideHelo(OUTSIDE)).as("an address literal needs no DNS").isEqualTo(Decision.PROCEED);
        assertThat(dns.domainsAsked).hasSize(4);

        session.heloArrives(OUTSIDE, "TWO.example.test");
        assertThat(dns.domainsAsked).as("a name already looked up is asked again").hasSize(5);
    }

    @Test
    void aHeloNameThatIsNotFullyQualifiedIsJudgedWithoutDnsAsANameThatDoesNotExist() {
        for (String helo : List.of("localhost", "laptop.", "mail..example.test", "-mail.example.test", "mail.123")) {
            ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>" + ENFORCE_ALL_AT_HELO
                .substring(ENFORCE_ALL_AT_HELO.indexOf("<helo>")), OUTSIDE);

            assertThat(session.heloArrives(OUTSIDE, helo)).as(helo).isEmpty();
            assertThat(session.decideHelo(OUTSIDE)).as(helo).hasToString("451 4.1.8 HELO domain not found");
        }
        ReverseLookupSession reporting = connected("<ptr><lookup>false</lookup></ptr>", OUTSIDE);
        reporting.heloArrives(OUTSIDE, "laptop");
        reporting.decideMail(OUTSIDE, Optional.empty());
        assertThat(reporting.messageFields(OUTSIDE, HOST)).extracting(Object::toString).containsExactly(
            "X-Guard-Reverse-Lookup: helo-resolves-to-client=fail; ip=192.0.2.7; "
                + "detail=\"laptop does not resolve to 192.0.2.7 (not a fully qualified domain name)\"");
        assertThat(dns.domainsAsked).isEmpty();
    }

    @Test
    void theHeloNameIsNotLookedUpWhenExcludedTrustedOrUnchecked() {
        String excluded = "<helo><exclusions>192.0.2.99, *.example.net</exclusions></helo>";

        connected(excluded, OUTSIDE).heloArrives(OUTSIDE, "mx.example.net");
        connected("<helo><exclusions>192.0.2.7</exclusions></helo>", OUTSIDE).heloArrives(OUTSIDE, "a.test");
        connected("", TRUSTED).heloArrives(TRUSTED, "a.test");
        connected("<helo><resolvesToClient><mode>off</mode></resolvesToClient></helo>", OUTSIDE).heloArrives(OUTSIDE, "a.test");
        assertThat(dns.domainsAsked).isEmpty();

        connected(excluded, OUTSIDE).heloArrives(OUTSIDE, "example.net");
        connected("<helo><exemptAuthenticated>false</exemptAuthenticated></helo>", AUTHENTICATED).heloArrives(AUTHENTICATED, "a.test");
        assertThat(dns.domainsAsked).containsExactly("example.net", "a.test");
    }

    @Test
    void theSenderDomainIsNotLookedUpWhenExcludedTrustedOrUnchecked() {
        connected("<mailFrom><exclusions>example.com</exclusions></mailFrom>", OUTSIDE).mailArrives(OUTSIDE, Optional.of("Example.COM"));
        connected("<mailFrom><exclusions>192.0.2.0/24</exclusions></mailFrom>", OUTSIDE).mailArrives(OUTSIDE, Optional.of("example.com"));
        connected("", TRUSTED).mailArrives(TRUSTED, Optional.of("example.com"));
        connected("<mailFrom><resolvesToClient><mode>off</mode></resolvesToClient></mailFrom>", OUTSIDE)
            .mailArrives(OUTSIDE, Optional.of("example.com"));
        assertThat(dns.domainsAsked).isEmpty();

        connected("<mailFrom><hasMx><mode>enforce</mode></hasMx><resolvesToClient><mode>off</mode></resolvesToClient></mailFrom>",
            OUTSIDE).mailArrives(OUTSIDE, Optional.of("example.com"));
        assertThat(dns.domainsAsked).containsExactly("example.com");
    }

    @Test
    void aMailNamingAnotherDomainOrNoneWaitsForTheSenderLookupInFlight() {
        ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>", OUTSIDE);
        CompletableFuture<?> first = session.mailArrives(OUTSIDE, Optional.of("one.example.org")).orElseThrow();

        assertThat(session.mailArrives(OUTSIDE, Optional.of("two.example.org"))).isPresent();
        assertThat(session.mailArrives(OUTSIDE, Optional.empty())).as("the null sender, or an unreadable one").isPresent();
        assertThat(session.mailArrives(OUTSIDE, Optional.of("ONE.example.org"))).as("the same domain, replayed").isPresent();
        assertThat(dns.domainsAsked).containsExactly("one.example.org");

        dns.answer(Facts.found("one.example.org", true, "192.0.2.7"));
        assertThat(first).isDone();
        assertThat(session.mailArrives(OUTSIDE, Optional.empty())).isEmpty();
        assertThat(session.mailArrives(OUTSIDE, Optional.of("two.example.org"))).isPresent();
        assertThat(dns.domainsAsked).containsExactly("one.example.org", "two.example.org");
    }

    @Test
    void aDomainTheServerReadsDifferentlyBecomesTheOneSenderLookupAndCountsAsUnanswered() {
        ReverseLookupSession session = connected("<ptr><lookup>false</lookup></ptr>" + ENFORCE_MAIL, OUTSIDE);
        assertThat(session.mailArrives(OUTSIDE, Optional.empty())).isEmpty();

        assertThat(session.decideMail(OUTSIDE, Optional.of("quoted.example.org"))).hasToString(TEMPFAIL);
        assertThat(dns.domainsAsked).containsExactly("quoted.example.org");

        assertThat(session.decideMail(OUTSIDE, Optional.of("other.example.org"))).as("while that lookup is in flight")
            .hasToString(TEMPFAIL);
        assertThat(dns.domainsAsked).as("no second lookup in flight").containsExactly("quoted.example.org");

        dns.answer(Facts.found("quoted.example.org", true, "192.0.2.7"));
        assertThat(session.decideMail(OUTSIDE, Optional.of("quoted.example.org"))).isEqualTo(Decision.PROCEED);
    }

    /** Lookups answered when the test says. Each domain is asked anew (the verifier's cache is not modelled). */
    private static final class ManualDns implements DnsFacts {
        final List<InetAddress> clientsAsked = new ArrayList<>();
        final List<String> domainsAsked = new ArrayList<>();
        private final CompletableFuture<IprevResult> client = new CompletableFuture<>();
        private final Map<String, CompletableFuture<DomainLookup>> domains = new HashMap<>();

        @Override
        public CompletableFuture<IprevResult> verifyClientIp(InetAddress ip) {
            clientsAsked.add(ip);
            return client;
        }

        @Override
        public CompletableFuture<DomainLookup> resolveDomain(String domain) {
            domainsAsked.add(domain);
            return domains.computeIfAbsent(domain.toLowerCase(Locale.ROOT), name -> new CompletableFuture<>());
        }

        void answerClient(IprevResult result) {
            client.complete(result);
        }

        void answer(DomainLookup lookup) {
            domains.computeIfAbsent(lookup.domain(), name -> new CompletableFuture<>()).complete(lookup);
        }
    }
}
