package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Optional;

import org.jamesguard.core.AuditLog;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.testing.FakeCredentials;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC A11–A14 over a real counter store and dynamic screen, for {@link FakeCredentials#exampleAccounts()}:
 * john@example.com's password is "secret"; boss@example.com delegated to john; ceo@example.com did not.
 */
class AuthPolicyTest {
    private static final String IP = "198.51.100.7";
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final String PROCEED = "proceed";
    private static final String UNRECOGNIZED = "500 5.5.1 Command unrecognized";
    private static final String SCREENED = "421 4.7.0 Too many authentication attempts, try again later (close)";
    private static final String CREDENTIALS_INVALID = "refused: 535 5.7.8 Authentication credentials invalid";
    private static final String SCREENED_AT_LOGIN = "refused: " + SCREENED;
    private static final String JOHN = "authenticated as john@example.com";
    private static final String NO_AUTH = "<noAuth><mode>enforce</mode></noAuth>";
    private static final String PROBES = NO_AUTH + "<authProbes><mode>enforce</mode></authProbes>";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryCounterStore counters = new MemoryCounterStore();
    private final DynamicScreen screen = new DynamicScreen(new MemoryScreenStore(), clock);
    private final FakeCredentials credentials = FakeCredentials.exampleAccounts();
    private final List<String> gateQuestions = new ArrayList<>();
    private AccountGate accountGate = AccountGate.NONE;
    private int sessions;

    private AuthPolicy policy(String xml, boolean globalReportOnly) {
        DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, globalReportOnly, clock);
        AccountGate asking = (session, account) -> {
            gateQuestions.add(account);
            return accountGate.atLogin(session, account);
        };
        return new AuthPolicy(AuthPolicyConfigTest.parse(xml), credentials, counters, screen, recorder, clock, asking);
    }

    private AuthPolicy policy(String xml) {
        return policy(xml, false);
    }

    /** A new session each time: attempts are counted across sessions. */
    private SessionSnapshot session(String ip) {
        return SessionSnapshot.builder(ip).sessionId("s-" + ++sessions).listener("smtp:25").build();
    }

    private SessionSnapshot trustedSession() {
        return session(IP).toBuilder().trusted(true).build();
    }

    private static ScreenEntry screenedFromNow(String reason) {
        return new ScreenEntry(IP, T0, T0.plus(Duration.ofMinutes(60)), reason);
    }

    @Nested
    class AuthCommand {
        @Test
        void whereAuthIsOfferedTheCommandProceedsUnrecorded() {
            assertThat(policy("").onAuthCommand(session(IP))).hasToString(PROCEED);
            assertThat(metrics.increments()).isEmpty();
        }

        @Test
        void a11WhereAuthIsNotOfferedTheCommandIsUnknown() {
            assertThat(policy(NO_AUTH).onAuthCommand(session(IP))).hasToString(UNRECOGNIZED);
            assertThat(metrics.increments()).containsExactly("jamesguard_auth_not_offered_reject");
        }

        @Test
        void a12IsOffByDefault() {
            AuthPolicy policy = policy(NO_AUTH);
            for (int attempt = 1; attempt <= 10; attempt++) {
                assertThat(policy.onAuthCommand(session(IP))).as("attempt %d", attempt).hasToString(UNRECOGNIZED);
            }
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void a12TheThirdAttemptAcrossSessionsScreensTheIpAndCloses() {
            AuthPolicy policy = policy(PROBES);

            assertThat(policy.onAuthCommand(session(IP))).hasToString(UNRECOGNIZED);
            assertThat(policy.onAuthCommand(session(IP))).hasToString(UNRECOGNIZED);
            assertThat(policy.onAuthCommand(session(IP))).hasToString(SCREENED);
            assertThat(screen.list()).containsExactly(screenedFromNow("auth-probes-screen: 3 within 10m"));
        }

        @Test
        void a12TheLimitWindowAndScreenTimeAreConfigurable() {
            AuthPolicy policy = policy(NO_AUTH
                + "<authProbes><mode>enforce</mode><limit>1</limit><window>1h</window><screenFor>1d</screenFor></authProbes>");

            assertThat(policy.onAuthCommand(session(IP))).hasToString(SCREENED);
            assertThat(screen.list()).containsExactly(new ScreenEntry(IP, T0, T0.plus(Duration.ofDays(1)), "auth-probes-screen: 1 within 1h"));
        }

        @Test
        void a12AttemptsLeaveTheCountAfterTheWindow() {
            AuthPolicy policy = policy(PROBES);
            policy.onAuthCommand(session(IP));
            policy.onAuthCommand(session(IP));

            clock.advance(Duration.ofMinutes(10).plusSeconds(50));

            assertThat(policy.onAuthCommand(session(IP))).hasToString(UNRECOGNIZED);
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void a12AttemptsStayCountedForTheWholeWindow() {
            AuthPolicy policy = policy(PROBES);
            policy.onAuthCommand(session(IP));
            policy.onAuthCommand(session(IP));

            clock.advance(Duration.ofMinutes(10));

            assertThat(policy.onAuthCommand(session(IP))).hasToString(SCREENED);
        }

        @Test
        void a12AttemptsAreCountedPerIp() {
            AuthPolicy policy = policy(PROBES);
            for (String ip : new String[] {IP, "198.51.100.8", IP, "198.51.100.8", "2001:db8::7"}) {
                assertThat(policy.onAuthCommand(session(ip))).hasToString(UNRECOGNIZED);
            }
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void a12TrustedIpsAreNeverScreened() {
            AuthPolicy policy = policy(PROBES);
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(policy.onAuthCommand(trustedSession())).as("attempt %d", attempt).hasToString(UNRECOGNIZED);
            }
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void a12InReportOnlyModeNeverScreens() {
            AuthPolicy policy = policy(NO_AUTH + "<authProbes><mode>report-only</mode></authProbes>");
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(policy.onAuthCommand(session(IP))).as("attempt %d", attempt).hasToString(UNRECOGNIZED);
            }
            assertThat(screen.list()).isEmpty();
            assertThat(metrics.count("jamesguard_auth_probes_screen_report_only")).isEqualTo(3);
        }

        @Test
        void a11InReportOnlyModeLetsAuthProceedWithAReportAndCountsNothing() {
            AuthPolicy policy = policy("<noAuth><mode>report-only</mode></noAuth><authProbes><mode>enforce</mode><limit>1</limit></authProbes>");

            assertThat(policy.onAuthCommand(session(IP))).hasToString(
                "proceed [X-Guard-Report-Only: auth-not-offered; would-reply=\"500 5.5.1 Command unrecognized\"]");
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void globalReportOnlyNeitherRefusesNorScreens() {
            AuthPolicy policy = policy(PROBES, true);
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(policy.onAuthCommand(session(IP)).refuses()).as("attempt %d", attempt).isFalse();
            }
            assertThat(screen.list()).isEmpty();
        }
    }

    @Nested
    class Login {
        private AuthResult login(AuthPolicy policy, SessionSnapshot session, String password) {
            return policy.authenticate(session, "", "john@example.com", password);
        }

        private void failTimes(AuthPolicy policy, int times) {
            for (int attempt = 1; attempt <= times; attempt++) {
                assertThat(login(policy, session(IP), "wrong")).as("failure %d", attempt).hasToString(CREDENTIALS_INVALID);
            }
        }

        @Test
        void theRightPasswordAuthenticatesAsTheAccount() {
            assertThat(login(policy(""), session(IP), "secret")).hasToString(JOHN);
        }

        @Test
        void theLoginIsAnsweredWithTheAccountsOwnName() {
            assertThat(policy("").authenticate(session(IP), "", "John@Example.COM", "secret")).hasToString(JOHN);
        }

        @Test
        void theAccountGateIsAskedOnlyOnceThePasswordWasRight() {
            policy("").authenticate(session(IP), "", "john@example.com", "guess");
            assertThat(gateQuestions).isEmpty();

            policy("").authenticate(session(IP), "", "John@Example.com", "secret");
            assertThat(gateQuestions).containsExactly("john@example.com");
        }

        @Test
        void theAccountGateMayRefuseARightPassword() {
            accountGate = (session, account) -> Decision.refuse(Replies.ACCOUNT_FROZEN, false);

            assertThat(policy("").authenticate(session(IP), "", "john@example.com", "secret"))
                .hasToString("refused: 535 5.7.8 Account frozen: contact your postmaster");
        }

        @Test
        void aWrongPasswordIsRefused() {
            assertThat(login(policy(""), session(IP), "wrong")).hasToString(CREDENTIALS_INVALID);
            assertThat(metrics.increments()).containsExactly("jamesguard_failed_auth_screen_pass", "jamesguard_auth_credentials_reject");
        }

        @Test
        void aFailedLoginIsAuditedUnderTheNameTried() {
            policy("").authenticate(session(IP), "", "nobody@example.com", "guess");

            assertThat(audit.messages()).containsExactly("check=auth-credentials verdict=reject "
                + "reply=\"535 5.7.8 Authentication credentials invalid\" session=s-1 ip=198.51.100.7 "
                + "account=nobody@example.com listener=smtp:25 detail=\"failed login as nobody@example.com\"");
        }

        @Test
        void a13TheTenthFailureScreensTheIpAndCloses() {
            AuthPolicy policy = policy("");
            failTimes(policy, 9);

            assertThat(login(policy, session(IP), "wrong")).hasToString(SCREENED_AT_LOGIN);
            assertThat(screen.list()).containsExactly(screenedFromNow("failed-auth-screen: 10 within 10m"));
        }

        @Test
        void a13FailuresAreCountedPerIpAcrossListenersAndLogins() {
            AuthPolicy policy = policy("<failedAuth><limit>3</limit></failedAuth>");
            policy.authenticate(session(IP).toBuilder().listener("smtp:25").build(), "", "john@example.com", "wrong");
            policy.authenticate(session(IP).toBuilder().listener("smtp:587").build(), "", "ceo@example.com", "wrong");
            assertThat(policy.authenticate(session("198.51.100.8"), "", "john@example.com", "wrong")).hasToString(CREDENTIALS_INVALID);

            assertThat(policy.authenticate(session(IP).toBuilder().listener("smtp:465").build(), "", "nobody", "x"))
                .hasToString(SCREENED_AT_LOGIN);
        }

        @Test
        void h4FailuresFromAddressesOfOneSlash64AreCountedTogetherAndScreenTheSlash64() {
            AuthPolicy policy = policy("<failedAuth><limit>3</limit></failedAuth>");
            policy.authenticate(session("2001:db8:1:2::1"), "", "john@example.com", "wrong");
            policy.authenticate(session("2001:db8:1:2::2"), "", "john@example.com", "wrong");
            assertThat(login(policy, session("2001:db8:1:3::1"), "wrong")).as("another /64").hasToString(CREDENTIALS_INVALID);

            assertThat(login(policy, session("2001:db8:1:2:ffff::3"), "wrong")).hasToString(SCREENED_AT_LOGIN);
            assertThat(screen.list()).extracting(ScreenEntry::ip).containsExactly("2001:db8:1:2::/64");
        }

        @Test
        void a13FailuresLeaveTheCountAfterTheWindow() {
            AuthPolicy policy = policy("");
            failTimes(policy, 9);
            clock.advance(Duration.ofMinutes(10).plusSeconds(50));

            failTimes(policy, 9);
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void a13TrustedIpsAreNeverScreened() {
            AuthPolicy policy = policy("");
            for (int attempt = 1; attempt <= 20; attempt++) {
                assertThat(login(policy, trustedSession(), "wrong")).as("failure %d", attempt).hasToString(CREDENTIALS_INVALID);
            }
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void a13InReportOnlyModeNeverScreens() {
            AuthPolicy policy = policy("<failedAuth><mode>report-only</mode></failedAuth>");
            failTimes(policy, 12);

            assertThat(screen.list()).isEmpty();
            assertThat(metrics.count("jamesguard_failed_auth_screen_report_only")).isEqualTo(3);
        }

        @Test
        void aWrongPasswordStaysRefusedInGlobalReportOnlyModeButNeverScreens() {
            AuthPolicy policy = policy("", true);
            failTimes(policy, 12);

            assertThat(screen.list()).isEmpty();
        }
    }

    @Nested
    class AuthorizationIdentity {
        @Test
        void a14NoAuthorizationIdentityActsAsTheLogin() {
            assertThat(policy("").authenticate(session(IP), "", "john@example.com", "secret")).hasToString(JOHN);
            assertThat(credentials.questions()).containsExactly("verify john@example.com");
        }

        @Test
        void a14TheLoginItselfInAnyCaseActsAsTheLoginWithoutAskingForADelegation() {
            assertThat(policy("").authenticate(session(IP), "JOHN@example.com", "john@example.com", "secret")).hasToString(JOHN);
            assertThat(credentials.questions()).containsExactly("verify john@example.com");
        }

        @Test
        void a14ADelegationLetsTheSessionActAsTheTarget() {
            assertThat(policy("").authenticate(session(IP), "Boss@Example.com", "john@example.com", "secret"))
                .hasToString("authenticated as boss@example.com by john@example.com");
            assertThat(metrics.increments()).containsExactly("jamesguard_authorization_identity_pass");
        }

        @Test
        void aDelegatedLoginAsksTheAccountGateAboutTheLoginFirstThenTheTarget() {
            AuthResult result = policy("").authenticate(session(IP), "boss@example.com", "john@example.com", "secret");

            assertThat(gateQuestions).containsExactly("john@example.com", "boss@example.com");
            assertThat(result.account()).contains("boss@example.com");
            assertThat(result.delegatingLogin()).contains("john@example.com");
        }

        @Test
        void aFrozenLoginCannotActForTheAccountThatDelegatedToIt() {
            accountGate = (session, account) -> account.equals("john@example.com")
                ? Decision.refuse(Replies.ACCOUNT_FROZEN, false) : Decision.PROCEED;

            assertThat(policy("").authenticate(session(IP), "boss@example.com", "john@example.com", "secret"))
                .hasToString("refused: 535 5.7.8 Account frozen: contact your postmaster");
            assertThat(gateQuestions).as("the target is not counted for a refused login").containsExactly("john@example.com");
        }

        @Test
        void aLoginCannotActForAFrozenAccount() {
            accountGate = (session, account) -> account.equals("boss@example.com")
                ? Decision.refuse(Replies.ACCOUNT_FROZEN, false) : Decision.PROCEED;

            assertThat(policy("").authenticate(session(IP), "boss@example.com", "john@example.com", "secret"))
                .hasToString("refused: 535 5.7.8 Account frozen: contact your postmaster");
        }

        @Test
        void theLoginItselfIsAskedAboutOnceAndHasNoDelegatingLogin() {
            AuthResult result = policy("").authenticate(session(IP), "john@example.com", "john@example.com", "secret");

            assertThat(gateQuestions).containsExactly("john@example.com");
            assertThat(result.delegatingLogin()).isEmpty();
        }

        @Test
        void a14AnotherAccountWithoutDelegationIsRefused() {
            AuthResult result = policy("").authenticate(session(IP), "ceo@example.com", "john@example.com", "secret");

            assertThat(result).hasToString("refused: 535 5.7.8 Authorization identity refused");
            assertThat(metrics.increments()).containsExactly("jamesguard_authorization_identity_reject");
        }

        @Test
        void a14TheDelegationRunsOneWayOnly() {
            assertThat(policy("").authenticate(session(IP), "john@example.com", "boss@example.com", "boss-secret"))
                .hasToString("refused: 535 5.7.8 Authorization identity refused");
        }

        @Test
        void a14InGlobalReportOnlyModeTheSessionActsAsItsLogin() {
            AuthResult result = policy("", true).authenticate(session(IP), "ceo@example.com", "john@example.com", "secret");

            assertThat(result).hasToString(JOHN);
            assertThat(metrics.increments()).containsExactly("jamesguard_authorization_identity_report_only");
        }

        @Test
        void a14AWrongPasswordIsRefusedBeforeTheAuthorizationIdentityIsConsidered() {
            AuthResult result = policy("").authenticate(session(IP), "boss@example.com", "john@example.com", "wrong");

            assertThat(result).hasToString(CREDENTIALS_INVALID);
            assertThat(credentials.questions()).containsExactly("verify john@example.com");
        }
    }

    /** A login whose credential the caller verified (an OAuth token): the supplier stands for the verifier. */
    @Nested
    class VerifiedLogin {
        private AuthResult login(AuthPolicy policy, SessionSnapshot session, Optional<String> verified, String authorizationId) {
            return policy.authenticateVerified(session, "OAUTHBEARER", "john@example.com", () -> verified, authorizationId);
        }

        private AuthResult refusedToken(AuthPolicy policy) {
            return login(policy, session(IP), Optional.empty(), "john@example.com");
        }

        @Test
        void aVerifiedAccountAuthenticatesAsItselfAndPassesTheAccountGate() {
            assertThat(login(policy(""), session(IP), Optional.of("john@example.com"), "John@Example.com")).hasToString(JOHN);
            assertThat(gateQuestions).containsExactly("john@example.com");
            assertThat(credentials.questions()).as("no password, no delegation asked").isEmpty();
        }

        @Test
        void c7TheAccountGateMayRefuseAVerifiedLogin() {
            accountGate = (session, account) -> Decision.refuse(Replies.ACCOUNT_FROZEN, false);

            assertThat(login(policy(""), session(IP), Optional.of("john@example.com"), ""))
                .hasToString("refused: 535 5.7.8 Account frozen: contact your postmaster");
        }

        @Test
        void aRefusedCredentialIsAFailedLoginAuditedUnderTheNameTried() {
            assertThat(refusedToken(policy(""))).hasToString(CREDENTIALS_INVALID);
            assertThat(gateQuestions).isEmpty();
            assertThat(metrics.increments()).containsExactly("jamesguard_failed_auth_screen_pass", "jamesguard_auth_credentials_reject");
            assertThat(audit.messages()).containsExactly("check=auth-credentials verdict=reject "
                + "reply=\"535 5.7.8 Authentication credentials invalid\" session=s-1 ip=198.51.100.7 "
                + "account=john@example.com listener=smtp:25 detail=\"failed OAUTHBEARER login as john@example.com\"");
        }

        @Test
        void a13RefusedCredentialsCountWithWrongPasswordsAndTheTenthScreensTheIp() {
            AuthPolicy policy = policy("");
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(policy.authenticate(session(IP), "", "john@example.com", "wrong")).hasToString(CREDENTIALS_INVALID);
                if (attempt < 5) {
                    assertThat(refusedToken(policy)).hasToString(CREDENTIALS_INVALID);
                }
            }

            assertThat(refusedToken(policy)).hasToString(SCREENED_AT_LOGIN);
            assertThat(screen.list()).containsExactly(screenedFromNow("failed-auth-screen: 10 within 10m"));
        }

        @Test
        void a13TrustedIpsAreNeverScreened() {
            AuthPolicy policy = policy("");
            for (int attempt = 1; attempt <= 20; attempt++) {
                assertThat(login(policy, trustedSession(), Optional.empty(), "")).hasToString(CREDENTIALS_INVALID);
            }
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void aVerifierThatFailsIsATemporaryErrorAndNoFailedLogin() {
            AuthPolicy policy = policy("<failedAuth><limit>1</limit></failedAuth>");

            AuthResult result = policy.authenticateVerified(session(IP), "XOAUTH2", "john@example.com", () -> {
                throw new IllegalStateException("the JWKS could not be read");
            }, "");

            assertThat(result).hasToString("refused: 451 4.3.0 Temporary local problem, try again later");
            assertThat(screen.list()).isEmpty();
            assertThat(gateQuestions).isEmpty();
        }

        @Test
        void a14ADelegationLetsTheTokenActForTheAccountThatDelegated() {
            assertThat(login(policy(""), session(IP), Optional.of("john@example.com"), "boss@example.com"))
                .hasToString("authenticated as boss@example.com by john@example.com");
        }

        @Test
        void a14AnotherAccountWithoutDelegationIsRefused() {
            assertThat(login(policy(""), session(IP), Optional.of("john@example.com"), "ceo@example.com"))
                .hasToString("refused: 535 5.7.8 Authorization identity refused");
            assertThat(gateQuestions).isEmpty();
        }

        @Test
        void c7ActingForAnotherAccountTheGateIsAskedAboutBothAndEitherRefuses() {
            assertThat(login(policy(""), session(IP), Optional.of("john@example.com"), "boss@example.com"))
                .hasToString("authenticated as boss@example.com by john@example.com");
            assertThat(gateQuestions).containsExactly("john@example.com", "boss@example.com");

            gateQuestions.clear();
            accountGate = (session, account) -> account.equals("john@example.com")
                ? Decision.refuse(Replies.ACCOUNT_FROZEN, false)
                : Decision.PROCEED;
            assertThat(login(policy(""), session(IP), Optional.of("john@example.com"), "boss@example.com"))
                .hasToString("refused: 535 5.7.8 Account frozen: contact your postmaster");
            assertThat(gateQuestions).as("the token's own account first").containsExactly("john@example.com");

            accountGate = (session, account) -> account.equals("boss@example.com")
                ? Decision.refuse(Replies.ACCOUNT_FROZEN, false)
                : Decision.PROCEED;
            assertThat(login(policy(""), session(IP), Optional.of("john@example.com"), "boss@example.com"))
                .hasToString("refused: 535 5.7.8 Account frozen: contact your postmaster");
        }
    }
}
