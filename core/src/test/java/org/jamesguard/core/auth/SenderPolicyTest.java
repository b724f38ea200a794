package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jamesguard.core.AuditLog;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Header;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.auth.from.ClientHeaderSection;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryPopLoginStore;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC A1–A10 as a session meets them. This server has example.com and example.net; john@ and postmaster@
 * are accounts; sales@ is john's alias, hostmaster@ postmaster's; boss@ delegated to john. The server's
 * address is 192.0.2.1, its LAN 10.0.0.0/8. Metric increments show which checks ran, in order.
 */
class SenderPolicyTest {
    private static final String OUTSIDE = "198.51.100.7";
    private static final String LAN = "10.1.2.3";
    private static final String SERVER = "192.0.2.1";
    private static final String PROCEED = "proceed";
    private static final String AUTH_REQUIRED = "530 5.7.0 Authentication required";
    private static final String SENDER_NOT_OWNED = "550 5.7.1 Sender address not owned by authenticated user";
    private static final String TEMPORARY_LOCAL_PROBLEM = "451 4.3.0 Temporary local problem, try again later";

    private static final String A9 = "jamesguard_privileged_sender_requires_auth_";
    private static final String A4 = "jamesguard_local_ip_requires_auth_";
    private static final String A1 = "jamesguard_local_sender_requires_auth_";
    private static final String A10 = "jamesguard_pop_before_smtp_";
    private static final String A5 = "jamesguard_sender_owned_by_auth_user_";
    private static final String A6 = "jamesguard_from_owned_by_auth_user_";
    private static final String H1 = "jamesguard_header_section_within_limit_";
    private static final String H2 = "jamesguard_from_parsers_agree_";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);
    @RegisterExtension
    final LogCapture recorderLog = LogCapture.of(DecisionRecorder.class);

    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryPopLoginStore popLogins = new MemoryPopLoginStore();
    private final FakeLocalAccounts accounts = new FakeLocalAccounts()
        .domain("example.com").domain("example.net")
        .account("john@example.com").account("postmaster@example.com")
        .alias("sales@example.com", "john@example.com")
        .alias("hostmaster@example.com", "postmaster@example.com")
        .grant("john@example.com", "boss@example.com");
    private final NetworkClasses network = new NetworkClasses(IpMatcher.parse(SERVER), IpMatcher.parse("10.0.0.0/8"));

    private SenderPolicy policy(String xml, boolean globalReportOnly) {
        DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, globalReportOnly, clock);
        return new SenderPolicy(SenderPolicyConfigTest.parse(xml), accounts, network, popLogins, recorder, clock);
    }

    private SenderPolicy policy(String xml) {
        return policy(xml, false);
    }

    private SenderPolicy policy() {
        return policy("");
    }

    private static SessionSnapshot.Builder client(String ip) {
        return SessionSnapshot.builder(ip).sessionId("s-1").listener("smtp:25");
    }

    private static SessionSnapshot john(String mailFrom) {
        return client(OUTSIDE).authUser("john@example.com").mailFrom(mailFrom).build();
    }

    private static Header reportHeader(String check, String reply) {
        return Header.of("X-Guard-Report-Only", check + "; would-reply=\"" + reply + "\"");
    }

    @Nested
    class AtMail {
        @Test
        void anUnauthenticatedLocalAccountFromOutsideMustAuthenticate() {
            StageResult result = policy().atMail(client(OUTSIDE).mailFrom("john@example.com").build());

            assertThat(result.decision()).hasToString(AUTH_REQUIRED);
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A1 + "reject");
        }

        @Test
        void runsTheChecksInOrderWhenAllPass() {
            StageResult result = policy("<popBeforeSmtp><mode>enforce</mode></popBeforeSmtp>").atMail(john("john@example.com"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(result.headers()).isEmpty();
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A1 + "pass", A10 + "pass", A5 + "pass");
        }

        @Test
        void aForeignSenderNeedsNoAuthenticationHere() {
            StageResult result = policy().atMail(client(OUTSIDE).mailFrom("someone@example.org").build());

            assertThat(result.decision()).hasToString(PROCEED);
        }

        @Test
        void anAliasCountsAsALocalSender() {
            assertThat(policy().atMail(client(OUTSIDE).mailFrom("sales@example.com").build()).decision())
                .hasToString(AUTH_REQUIRED);
        }

        @Test
        void a3AnUnknownAccountOfALocalDomainMayLiveOnAnotherServer() {
            SessionSnapshot session = client(OUTSIDE).mailFrom("elsewhere@example.com").build();

            assertThat(policy().atMail(session).decision()).hasToString(PROCEED);
            assertThat(policy("<localSenders><exemptUnknownAccounts>false</exemptUnknownAccounts></localSenders>")
                .atMail(session).decision()).hasToString(AUTH_REQUIRED);
        }

        @Test
        void a3WithoutTheExemptionTheAccountIsNeverLookedUp() {
            policy("<localSenders><exemptUnknownAccounts>false</exemptUnknownAccounts></localSenders>")
                .atMail(client(OUTSIDE).mailFrom("elsewhere@example.com").build());

            assertThat(accounts.questions()).doesNotContain("isLocalAccountOrAlias elsewhere@example.com");
        }

        @Test
        void a9APrivilegedSenderIsRefusedFirst() {
            StageResult result = policy().atMail(client(LAN).mailFrom("postmaster@example.com").build());

            assertThat(result.decision()).hasToString(AUTH_REQUIRED);
            assertThat(metrics.increments()).containsExactly(A9 + "reject");
        }

        @Test
        void a9EvenFromATrustedIp() {
            StageResult result = policy().atMail(client(OUTSIDE).trusted(true).mailFrom("abuse@example.net").build());

            assertThat(result.decision()).hasToString(AUTH_REQUIRED);
            assertThat(metrics.increments()).containsExactly(A9 + "reject");
        }

        @Test
        void a9AnAliasOfAPrivilegedAddressIsPrivileged() {
            policy().atMail(client(OUTSIDE).mailFrom("hostmaster@example.com").build());

            assertThat(metrics.increments()).containsExactly(A9 + "reject");
        }

        @Test
        void a9ThePrivilegedLocalPartsOfAForeignDomainAreNot() {
            StageResult result = policy().atMail(client(OUTSIDE).mailFrom("postmaster@example.org").build());

            assertThat(result.decision()).hasToString(PROCEED);
        }

        @Test
        void a9TheLocalPartsAreConfigurable() {
            SenderPolicy policy = policy("<privilegedSenders><localParts>billing</localParts></privilegedSenders>"
                + "<localSenders><mode>off</mode></localSenders>");

            assertThat(policy.atMail(client(OUTSIDE).mailFrom("Billing@example.com").build()).decision()).hasToString(AUTH_REQUIRED);
            assertThat(policy.atMail(client(OUTSIDE).mailFrom("postmaster@example.com").build()).decision()).hasToString(PROCEED);
        }

        @Test
        void a4AnUnauthenticatedSessionFromTheLanMustAuthenticate() {
            StageResult result = policy().atMail(client(LAN).mailFrom("someone@example.org").build());

            assertThat(result.decision()).hasToString(AUTH_REQUIRED);
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "reject");
        }

        @Test
        void a4SoDoesOneFromTheServersOwnAddress() {
            assertThat(policy().atMail(client(SERVER).nullSender().build()).decision()).hasToString(AUTH_REQUIRED);
        }

        @Test
        void a4TrustedIpsOfTheLanAreExcepted() {
            StageResult result = policy().atMail(client(LAN).trusted(true).mailFrom("john@example.com").build());

            assertThat(result.decision()).hasToString(PROCEED);
        }

        @Test
        void a5AnAuthenticatedAccountMayUseItsAddressAliasAndDelegations() {
            SenderPolicy policy = policy();

            assertThat(policy.atMail(john("john@example.com")).decision()).hasToString(PROCEED);
            assertThat(policy.atMail(john("SALES@example.com")).decision()).hasToString(PROCEED);
            assertThat(policy.atMail(john("boss@example.com")).decision()).hasToString(PROCEED);
            assertThat(policy.atMail(client(OUTSIDE).authUser("john@example.com").nullSender().build()).decision())
                .hasToString(PROCEED);
        }

        @Test
        void a5AnAuthenticatedAccountMayNotUseAnotherAddress() {
            StageResult result = policy().atMail(john("ceo@example.com"));

            assertThat(result.decision()).hasToString(SENDER_NOT_OWNED);
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A1 + "pass", A5 + "reject");
        }

        @Test
        void a7AnExemptSenderIsNotCheckedForOwnership() {
            StageResult result = policy("<ownershipExemptions>news@example.com</ownershipExemptions>").atMail(john("news@example.com"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(accounts.questions()).isEmpty();
        }

        @Test
        void anUnauthenticatedSessionIsNeverAskedAboutOwnership() {
            policy().atMail(client(OUTSIDE).mailFrom("someone@example.org").build());

            assertThat(accounts.questions()).as("a foreign sender costs no mapping look-up")
                .containsExactly("isLocalDomain example.org", "isLocalDomain example.org");
        }

        @Test
        void anAuthenticatedSessionIsOnlyAskedWhetherItOwnsTheSender() {
            policy().atMail(john("postmaster@example.com"));

            assertThat(accounts.questions()).containsExactly("owns john@example.com postmaster@example.com");
        }

        @Test
        void aReportOnlyCheckAddsAHeaderInsteadOfRefusing() {
            StageResult result = policy("<localSenders><mode>report-only</mode></localSenders>")
                .atMail(client(OUTSIDE).mailFrom("john@example.com").build());

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(result.headers()).containsExactly(reportHeader("local-sender-requires-auth", AUTH_REQUIRED));
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A1 + "report_only", A5 + "pass");
        }

        @Test
        void headersOfEarlierChecksAreKeptWhenALaterOneRefuses() {
            StageResult result = policy("<localIps><mode>report-only</mode></localIps>")
                .atMail(client(LAN).mailFrom("john@example.com").build());

            assertThat(result.decision()).hasToString(AUTH_REQUIRED);
            assertThat(result.headers()).containsExactly(reportHeader("local-ip-requires-auth", AUTH_REQUIRED));
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "report_only", A1 + "reject");
        }

        @Test
        void globalReportOnlyTurnsEveryRefusalIntoAHeader() {
            StageResult result = policy("", true).atMail(client(LAN).mailFrom("postmaster@example.com").build());

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(result.headers()).containsExactly(
                reportHeader("privileged-sender-requires-auth", AUTH_REQUIRED),
                reportHeader("local-ip-requires-auth", AUTH_REQUIRED),
                reportHeader("local-sender-requires-auth", AUTH_REQUIRED));
        }

        @Test
        void checksThatAreOffDoNotRunOrAsk() {
            StageResult result = policy("<localSenders><mode>off</mode></localSenders><localIps><mode>off</mode></localIps>"
                + "<senderOwnership><mode>off</mode></senderOwnership><privilegedSenders><mode>off</mode></privilegedSenders>")
                .atMail(client(LAN).mailFrom("postmaster@example.com").build());

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(metrics.increments()).isEmpty();
            assertThat(accounts.questions()).isEmpty();
        }

        @Test
        void aFailingAccountLookUpIsATemporaryLocalProblem() {
            accounts.failWith(new IllegalStateException("DomainList failed"));

            StageResult result = policy().atMail(client(OUTSIDE).mailFrom("john@example.com").build());

            assertThat(result.decision()).hasToString(TEMPORARY_LOCAL_PROBLEM);
            assertThat(metrics.increments()).containsExactly(A9 + "error");
            assertThat(audit.messages()).containsExactly("check=privileged-sender-requires-auth verdict=error "
                + "reply=\"" + TEMPORARY_LOCAL_PROBLEM + "\" session=s-1 ip=198.51.100.7 account=- listener=smtp:25 "
                + "detail=\"java.lang.IllegalStateException: DomainList failed\"");
        }

        @Test
        void aFailingOwnershipLookUpIsATemporaryLocalProblemEvenInReportOnlyMode() {
            accounts.failWith(new IllegalStateException("CanSendFrom failed"));

            StageResult result = policy("<senderOwnership><mode>report-only</mode></senderOwnership>").atMail(john("ceo@example.com"));

            assertThat(result.decision()).hasToString(TEMPORARY_LOCAL_PROBLEM);
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A1 + "pass", A5 + "error");
        }
    }

    @Nested
    class GatewayDomains {
        private final SenderPolicy policy = policy("<gateways><domains>backup.example</domains></gateways>");

        @Test
        void a8MovesTheOwnershipCheckToRcpt() {
            StageResult result = policy.atMail(john("ceo@example.com"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A1 + "pass");
        }

        @Test
        void a8MailForAGatewayDomainIsExempt() {
            StageResult result = policy.atRcpt(john("ceo@example.com"), EmailAddress.parse("bob@Backup.Example"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(accounts.questions()).isEmpty();
        }

        @Test
        void a8MailForAnyOtherDomainMustComeFromAnOwnedAddress() {
            SessionSnapshot session = john("ceo@example.com");

            assertThat(policy.atRcpt(session, EmailAddress.parse("bob@example.org")).decision()).hasToString(SENDER_NOT_OWNED);
            assertThat(policy.atRcpt(john("sales@example.com"), EmailAddress.parse("bob@example.org")).decision())
                .hasToString(PROCEED);
        }

        @Test
        void a8TheExemptionCanBeSwitchedOff() {
            SenderPolicy notExempt = policy("<gateways><exempt>false</exempt><domains>backup.example</domains></gateways>");

            assertThat(notExempt.atMail(john("ceo@example.com")).decision()).hasToString(SENDER_NOT_OWNED);
            assertThat(notExempt.atRcpt(john("ceo@example.com"), EmailAddress.parse("bob@backup.example")).decision())
                .hasToString(PROCEED);
        }
    }

    @Nested
    class AllRecipientsLocal {
        private final SenderPolicy policy = policy("<localSenders><exemptWhenAllRecipientsLocal>true</exemptWhenAllRecipientsLocal></localSenders>");
        private final SessionSnapshot unauthenticatedJohn = client(OUTSIDE).mailFrom("john@example.com").build();

        @Test
        void a2MovesTheLocalSenderCheckToRcpt() {
            StageResult result = policy.atMail(unauthenticatedJohn);

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A5 + "pass");
        }

        @Test
        void a2ALocalRecipientPasses() {
            assertThat(policy.atRcpt(unauthenticatedJohn, EmailAddress.parse("bob@example.net")).decision()).hasToString(PROCEED);
        }

        @Test
        void a2TheFirstNonLocalRecipientGetsTheRefusal() {
            assertThat(policy.atRcpt(unauthenticatedJohn, EmailAddress.parse("bob@example.org")).decision()).hasToString(AUTH_REQUIRED);
            assertThat(metrics.increments()).containsExactly(A1 + "reject");
        }

        @Test
        void a2AnAuthenticatedSenderMayWriteAnywhere() {
            assertThat(policy.atRcpt(john("john@example.com"), EmailAddress.parse("bob@example.org")).decision()).hasToString(PROCEED);
        }

        @Test
        void withoutA2NothingRunsAtRcpt() {
            StageResult result = policy().atRcpt(unauthenticatedJohn, EmailAddress.parse("bob@example.org"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(metrics.increments()).isEmpty();
            assertThat(accounts.questions()).isEmpty();
        }
    }

    @Nested
    class PopBeforeSmtp {
        private final SenderPolicy policy = policy("<popBeforeSmtp><mode>enforce</mode></popBeforeSmtp>"
            + "<localSenders><mode>off</mode></localSenders>");
        private final SessionSnapshot unauthenticatedJohn = client(OUTSIDE).mailFrom("john@example.com").build();

        @Test
        void a10ALocalSenderWithoutARecentPop3LoginIsRefused() {
            StageResult result = policy.atMail(unauthenticatedJohn);

            assertThat(result.decision()).hasToString("530 5.7.0 Authentication required (or a recent POP3 login from this address)");
            assertThat(metrics.increments()).containsExactly(A9 + "pass", A4 + "pass", A10 + "reject");
        }

        @Test
        void a10ALoginFromTheSameIpWithinTheWindowLetsItThrough() {
            popLogins.recordLogin(OUTSIDE, clock.instant());
            clock.advance(Duration.ofMinutes(30));

            assertThat(policy.atMail(unauthenticatedJohn).decision()).hasToString(PROCEED);
        }

        @Test
        void a10ALoginOlderThanTheWindowDoesNot() {
            popLogins.recordLogin(OUTSIDE, clock.instant());
            clock.advance(Duration.ofMinutes(30).plusMillis(1));

            assertThat(policy.atMail(unauthenticatedJohn).decision()).hasToString(
                "530 5.7.0 Authentication required (or a recent POP3 login from this address)");
        }

        @Test
        void a10ALoginFromAnotherIpDoesNot() {
            popLogins.recordLogin("198.51.100.8", clock.instant());

            assertThat(policy.atMail(unauthenticatedJohn).decision().refuses()).isTrue();
        }

        @Test
        void a10AuthenticatedSessionsAreExempt() {
            assertThat(policy.atMail(john("john@example.com")).decision()).hasToString(PROCEED);
        }

        @Test
        void a10ForeignSendersAreNotConcerned() {
            assertThat(policy.atMail(client(OUTSIDE).mailFrom("someone@example.org").build()).decision()).hasToString(PROCEED);
        }
    }

    @Nested
    class AtData {
        private final String ownFrom = "From: John <john@example.com>";

        private Supplier<ClientHeaderSection> header(String field) {
            return () -> ClientHeaderSection.complete(field + "\r\nSubject: hi\r\n\r\n", 262144);
        }

        private Supplier<ClientHeaderSection> neverParsed() {
            return () -> {
                throw new AssertionError("parsed the From header although the verdict does not depend on it");
            };
        }

        private SessionSnapshot johnTo(String... recipients) {
            List<EmailAddress> parsed = new ArrayList<>();
            for (String recipient : recipients) {
                parsed.add(EmailAddress.parse(recipient));
            }
            return john("john@example.com").toBuilder().recipients(parsed).build();
        }

        @Test
        void a6TheAccountMayWriteItsOwnAddressesInFrom() {
            SenderPolicy policy = policy();

            assertThat(policy.atData(johnTo("bob@example.org"), header(ownFrom)).decision()).hasToString(PROCEED);
            assertThat(policy.atData(johnTo("bob@example.org"), header("From: sales@example.com, boss@example.com")).decision())
                .hasToString(PROCEED);
        }

        @Test
        void a6AnotherAddressInFromIsRefused() {
            StageResult result = policy().atData(johnTo("bob@example.org"), header("From: CEO <ceo@example.com>"));

            assertThat(result.decision()).hasToString("550 5.7.1 From: header address not owned by authenticated user");
            assertThat(metrics.increments()).containsExactly(H1 + "pass", A6 + "reject");
        }

        @Test
        void a6AMalformedFromIsRefusedWithItsReason() {
            StageResult result = policy().atData(johnTo("bob@example.org"), header("From: john@example.com\r\nFrom: john@example.com"));

            assertThat(result.decision()).hasToString("550 5.7.1 From: header refused: several From fields");
        }

        @Test
        void a6StampSenderAcceptsAndReplacesSender() {
            StageResult result = policy("<fromOwnership><mode>stamp-sender</mode></fromOwnership>")
                .atData(johnTo("bob@example.org"), header("From: CEO <ceo@example.com>"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(result.headers()).containsExactly(Header.replacing("Sender", "john@example.com"));
            assertThat(metrics.increments()).containsExactly(H1 + "pass", A6 + "warn", H2 + "pass");
        }

        @Test
        void a6ReportOnlyAddsAReportHeader() {
            StageResult result = policy("<fromOwnership><mode>report-only</mode></fromOwnership>")
                .atData(johnTo("bob@example.org"), header("From: ceo@example.com"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(result.headers()).containsExactly(
                reportHeader("from-owned-by-auth-user", "550 5.7.1 From: header address not owned by authenticated user"));
        }

        @Test
        void a7AnExemptFromAddressIsAccepted() {
            StageResult result = policy("<ownershipExemptions>*@lists.example.com</ownershipExemptions>")
                .atData(johnTo("bob@example.org"), header("From: announce@lists.example.com"));

            assertThat(result.decision()).hasToString(PROCEED);
        }

        @Test
        void a6AnUnauthenticatedMessageIsNotParsed() {
            SessionSnapshot session = client(OUTSIDE).mailFrom("someone@example.org")
                .recipients(List.of(EmailAddress.parse("john@example.com"))).build();

            assertThat(policy().atData(session, neverParsed()).decision()).hasToString(PROCEED);
            assertThat(accounts.questions()).isEmpty();
        }

        @Test
        void a8MailOnlyForGatewayDomainsIsNotParsed() {
            SenderPolicy policy = policy("<gateways><domains>backup.example, relay.example</domains></gateways>");

            assertThat(policy.atData(johnTo("a@backup.example", "b@relay.example"), neverParsed()).decision()).hasToString(PROCEED);
        }

        @Test
        void a8OneRecipientOutsideTheGatewayDomainsIsEnough() {
            SenderPolicy policy = policy("<gateways><domains>backup.example</domains></gateways>");

            assertThat(policy.atData(johnTo("a@backup.example", "b@example.org"), header("From: ceo@example.com")).decision())
                .hasToString("550 5.7.1 From: header address not owned by authenticated user");
        }

        @Test
        void a6OffNeitherParsesNorAsks() {
            StageResult result = policy("<fromOwnership><mode>off</mode></fromOwnership>").atData(johnTo("bob@example.org"), neverParsed());

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(metrics.increments()).isEmpty();
        }

        @Test
        void a6AFailingOwnershipLookUpIsATemporaryLocalProblem() {
            accounts.failWith(new IllegalStateException("CanSendFrom failed"));

            assertThat(policy().atData(johnTo("bob@example.org"), header(ownFrom)).decision()).hasToString(TEMPORARY_LOCAL_PROBLEM);
            assertThat(metrics.increments()).containsExactly(H1 + "pass", A6 + "error");
        }

        @Test
        void h1AHeaderSectionThatGoesOnPastTheLimitIsRefused() {
            StageResult result = policy().atData(johnTo("bob@example.org"),
                () -> ClientHeaderSection.overLimit(ownFrom + "\r\nX-Padding: a\r\n", 262144));

            assertThat(result.decision()).hasToString("552 5.3.4 Header section too long: it must end within 262144 octets");
            assertThat(metrics.increments()).containsExactly(H1 + "reject");
        }

        @Test
        void h1StampSenderRefusesToo() {
            StageResult result = policy("<fromOwnership><mode>stamp-sender</mode></fromOwnership>")
                .atData(johnTo("bob@example.org"), () -> ClientHeaderSection.overLimit(ownFrom + "\r\n", 262144));

            assertThat(result.decision().refuses()).isTrue();
        }

        @Test
        void h1ReportOnlyReportsAndGoesOn() {
            StageResult result = policy("<fromOwnership><mode>report-only</mode></fromOwnership>")
                .atData(johnTo("bob@example.org"), () -> ClientHeaderSection.overLimit(ownFrom + "\r\n", 262144));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(result.headers()).containsExactly(
                reportHeader("header-section-within-limit", "552 5.3.4 Header section too long: it must end within 262144 octets"));
        }

        @Test
        void h2AFromAnotherParserReadsDifferentlyIsRefused() {
            StageResult result = policy().atData(johnTo("bob@example.org"), header("From: J\u00f6rg <john@example.com>"));

            assertThat(result.decision()).hasToString("550 5.7.1 From: header refused: mail programs read different addresses in it");
            assertThat(metrics.increments()).containsExactly(H1 + "pass", A6 + "pass", H2 + "reject");
        }

        @Test
        void h2CanBeTurnedOff() {
            StageResult result = policy("<fromOwnership><parsersAgree>false</parsersAgree></fromOwnership>")
                .atData(johnTo("bob@example.org"), header("From: J\u00f6rg <john@example.com>"));

            assertThat(result.decision()).hasToString(PROCEED);
            assertThat(metrics.increments()).containsExactly(H1 + "pass", A6 + "pass");
        }
    }
}
