package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.BaseRequest;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.MailSizeEsmtpExtension;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.auth.AccountGate;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.testing.FakeCredentials;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.XmlConfigs;
import org.jamesguard.hooks.accounts.OidcTokens;
import org.jamesguard.hooks.testing.FakeSmtpSession;
import org.jamesguard.hooks.testing.Wire;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The AUTH command as James hands it to the gate, for {@link FakeCredentials#exampleAccounts()}. */
class AuthGateTest {
    private static final String SUCCESS = "235 2.7.0 Authentication successful";
    private static final String CANNOT_DECODE = "501 5.5.2 Cannot decode the AUTH response";
    private static final String CANCELLED = "501 5.7.0 Authentication cancelled";
    private static final String CREDENTIALS_INVALID = "535 5.7.8 Authentication credentials invalid";
    private static final String UNRECOGNIZED = "500 5.5.1 Command unrecognized";
    private static final String SCREENED = "421 4.7.0 Too many authentication attempts, try again later (close)";
    private static final String USERNAME_PROMPT = "334 VXNlcm5hbWU6";
    private static final String PASSWORD_PROMPT = "334 UGFzc3dvcmQ6";
    private static final String UNKNOWN_MECHANISM = "504 5.5.4 Unrecognized authentication type";

    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryCounterStore counters = new MemoryCounterStore();
    private final DynamicScreen screen = new DynamicScreen(new MemoryScreenStore(), clock);
    private final FakeCredentials credentials = FakeCredentials.exampleAccounts().account("joerg@example.com", "p\u00e4ssw\u00f6rd");
    private final FakeSmtpSession session = new FakeSmtpSession();
    private final OidcTokens tokens = mock(OidcTokens.class);
    private AccountGate accountGate = AccountGate.NONE;
    private AuthGate gate = gate(false);

    private AuthGate gate(boolean globalReportOnly) {
        DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, globalReportOnly, clock);
        return new AuthGate(credentials, counters, screen, recorder, new TrustedNetworks(IpMatcher.NONE), clock, accountGate, tokens);
    }

    private static AuthGate configured(AuthGate gate, String xml) throws ConfigurationException {
        gate.init(XmlConfigs.parse("<handler class=\"org.jamesguard.hooks.smtp.AuthGate\">" + xml + "</handler>"));
        return gate;
    }

    private String auth(String argument) {
        return Wire.of(gate.onCommand(session, new BaseRequest("AUTH", argument)));
    }

    private String line(String line) {
        return Wire.of(session.feedLine(line));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(String authorizationId, String user, String password) {
        return base64(authorizationId + "\0" + user + "\0" + password);
    }

    private String username() {
        return session.getUsername() == null ? null : session.getUsername().asString();
    }

    @Test
    void handlesTheAuthCommand() {
        assertThat(gate.getImplCommands()).containsExactly("AUTH");
    }

    @Test
    void aDelegatedLoginIsRememberedForTheSessionsLaterChecks() {
        assertThat(auth("PLAIN " + plain("boss@example.com", "john@example.com", "secret"))).isEqualTo(SUCCESS);

        assertThat(username()).isEqualTo("boss@example.com");
        assertThat(SmtpSessions.snapshot(session, new TrustedNetworks(IpMatcher.NONE)).accountsInvolved())
            .containsExactly("john@example.com", "boss@example.com");
    }

    @Nested
    class Plain {
        @Test
        void anInitialResponseLogsIn() {
            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret"))).isEqualTo(SUCCESS);
            assertThat(username()).isEqualTo("john@example.com");
            assertThat(session.isRelayingAllowed()).isTrue();
            assertThat(session.lineHandlerCount()).isZero();
        }

        @Test
        void theMechanismNameIsCaseInsensitive() {
            assertThat(auth("plain " + plain("", "john@example.com", "secret"))).isEqualTo(SUCCESS);
        }

        @Test
        void withoutAnInitialResponseTheGateAsksForIt() {
            assertThat(auth("PLAIN")).isEqualTo("334 ");
            assertThat(session.lineHandlerCount()).isEqualTo(1);

            assertThat(line(plain("", "john@example.com", "secret"))).isEqualTo(SUCCESS);
            assertThat(session.lineHandlerCount()).isZero();
            assertThat(username()).isEqualTo("john@example.com");
        }

        @Test
        void anAsteriskCancels() {
            auth("PLAIN");

            assertThat(line("*")).isEqualTo(CANCELLED);
            assertThat(session.lineHandlerCount()).isZero();
            assertThat(username()).isNull();
        }

        @Test
        void aWrongPasswordIsRefused() {
            assertThat(auth("PLAIN " + plain("", "john@example.com", "wrong"))).isEqualTo(CREDENTIALS_INVALID);
            assertThat(username()).isNull();
            assertThat(session.isRelayingAllowed()).isFalse();
        }

        @Test
        void theAuthorizationIdentityOfADelegationIsWhoTheSessionActsAs() {
            assertThat(auth("PLAIN " + plain("boss@example.com", "john@example.com", "secret"))).isEqualTo(SUCCESS);
            assertThat(username()).isEqualTo("boss@example.com");
        }

        @Test
        void anAuthorizationIdentityWithoutDelegationIsRefused() {
            assertThat(auth("PLAIN " + plain("ceo@example.com", "john@example.com", "secret")))
                .isEqualTo("535 5.7.8 Authorization identity refused");
            assertThat(username()).isNull();
        }

        @Test
        void aPasswordIsDecodedAsUtf8() {
            assertThat(auth("PLAIN " + plain("", "joerg@example.com", "p\u00e4ssw\u00f6rd"))).isEqualTo(SUCCESS);
        }

        @Test
        void aPasswordMayContainSpacesAndTheSeparatorsOfOtherMechanisms() {
            credentials.account("pat@example.com", " a:b = c ");

            assertThat(auth("PLAIN " + plain("", "pat@example.com", " a:b = c "))).isEqualTo(SUCCESS);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"=", "!!!not-base64", "a", "YQ==="})
        void anUndecodableResponseIsRefused(String response) {
            assertThat(auth("PLAIN " + response)).isEqualTo(CANNOT_DECODE);
            assertThat(credentials.questions()).isEmpty();
        }

        @ParameterizedTest(name = "[{index}] ''{0}''")
        @ValueSource(strings = {"john@example.com\0secret", "\0\0john@example.com\0secret", "john@example.com", "\0\0"})
        void aResponseWithoutThreePartsOrWithoutLoginIsRefused(String decoded) {
            assertThat(auth("PLAIN " + base64(decoded))).isEqualTo(CANNOT_DECODE);
            assertThat(credentials.questions()).isEmpty();
        }

        @Test
        void anUndecodableAnswerToTheChallengeIsRefused() {
            auth("PLAIN");

            assertThat(line("%%%")).isEqualTo(CANNOT_DECODE);
            assertThat(session.lineHandlerCount()).isZero();
        }

        @Test
        void anEmptyPasswordIsCheckedLikeAnyOther() {
            assertThat(auth("PLAIN " + plain("", "john@example.com", ""))).isEqualTo(CREDENTIALS_INVALID);
        }
    }

    @Nested
    class Login {
        @Test
        void asksForUserAndPasswordInTurn() {
            assertThat(auth("LOGIN")).isEqualTo(USERNAME_PROMPT);
            assertThat(line(base64("john@example.com"))).isEqualTo(PASSWORD_PROMPT);
            assertThat(session.lineHandlerCount()).isEqualTo(1);

            assertThat(line(base64("secret"))).isEqualTo(SUCCESS);
            assertThat(session.lineHandlerCount()).isZero();
            assertThat(username()).isEqualTo("john@example.com");
        }

        @Test
        void anInitialResponseIsTheUser() {
            assertThat(auth("LOGIN " + base64("john@example.com"))).isEqualTo(PASSWORD_PROMPT);
            assertThat(line(base64("secret"))).isEqualTo(SUCCESS);
        }

        @Test
        void aWrongPasswordIsRefused() {
            auth("LOGIN " + base64("john@example.com"));

            assertThat(line(base64("wrong"))).isEqualTo(CREDENTIALS_INVALID);
            assertThat(username()).isNull();
        }

        @Test
        void anAsteriskCancelsAtTheUserPrompt() {
            auth("LOGIN");

            assertThat(line("*")).isEqualTo(CANCELLED);
            assertThat(session.lineHandlerCount()).isZero();
        }

        @Test
        void anAsteriskCancelsAtThePasswordPrompt() {
            auth("LOGIN");
            line(base64("john@example.com"));

            assertThat(line("*")).isEqualTo(CANCELLED);
            assertThat(session.lineHandlerCount()).isZero();
            assertThat(credentials.questions()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"=", "%%%"})
        void anEmptyOrUndecodableUserIsRefused(String user) {
            auth("LOGIN");

            assertThat(line(user)).isEqualTo(CANNOT_DECODE);
            assertThat(session.lineHandlerCount()).isZero();
        }

        @Test
        void anUndecodablePasswordIsRefused() {
            auth("LOGIN " + base64("john@example.com"));

            assertThat(line("%%%")).isEqualTo(CANNOT_DECODE);
            assertThat(credentials.questions()).isEmpty();
        }

        @Test
        void anEmptyPasswordIsChecked() {
            auth("LOGIN " + base64("john@example.com"));

            assertThat(line("=")).isEqualTo(CREDENTIALS_INVALID);
        }
    }

    /** OAUTHBEARER and XOAUTH2 where James offers them; the mocked verifier knows one token, john's. */
    @Nested
    class Oauth {
        private final OidcSASLConfiguration oidc = oidc();

        @BeforeEach
        void offerOauth() {
            session.getConfiguration().oidc(oidc);
            when(tokens.verify(any(), any())).thenReturn(Optional.empty());
            when(tokens.verify(oidc, "john-token")).thenReturn(Optional.of("john@example.com"));
        }

        private OidcSASLConfiguration oidc() {
            try {
                return new OidcSASLConfiguration(new URL("http://127.0.0.1:1/jwks"), "email", new URL("http://127.0.0.1:1/oidc"),
                    "email", Optional.empty(), Optional.empty(), Optional.empty());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** James 3.8.1's reading: {@code [n,]user=<user>^Aauth=Bearer <token>^A^A}, base64. */
        private String bearer(String user, String token) {
            return base64("n,user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
        }

        @ParameterizedTest
        @ValueSource(strings = {"OAUTHBEARER", "XOAUTH2", "oauthbearer"})
        void aValidTokenLogsIn(String mechanism) {
            assertThat(auth(mechanism + " " + bearer("john@example.com", "john-token"))).isEqualTo(SUCCESS);
            assertThat(username()).isEqualTo("john@example.com");
            assertThat(session.isRelayingAllowed()).isTrue();
        }

        @Test
        void withoutAnInitialResponseTheGateAsksForItAndAnswersTheLine() {
            assertThat(auth("OAUTHBEARER")).isEqualTo("334 ");
            assertThat(line(bearer("john@example.com", "john-token"))).isEqualTo(SUCCESS);
            assertThat(session.lineHandlerCount()).isZero();
            assertThat(username()).isEqualTo("john@example.com");
        }

        @Test
        void anAsteriskCancels() {
            auth("XOAUTH2");

            assertThat(line("*")).isEqualTo(CANCELLED);
            assertThat(username()).isNull();
        }

        @Test
        void c7TheAccountGateRefusesAFrozenAccountsToken() {
            accountGate = (snapshot, account) -> Decision.refuse(Replies.ACCOUNT_FROZEN, false);
            gate = gate(false);

            assertThat(auth("OAUTHBEARER")).isEqualTo("334 ");
            assertThat(line(bearer("john@example.com", "john-token"))).isEqualTo("535 5.7.8 Account frozen: contact your postmaster");
            assertThat(username()).isNull();
            assertThat(session.isRelayingAllowed()).isFalse();
        }

        @Test
        void aDelegationLetsTheTokenActForTheAccountThatDelegated() {
            assertThat(auth("OAUTHBEARER " + bearer("boss@example.com", "john-token"))).isEqualTo(SUCCESS);
            assertThat(username()).isEqualTo("boss@example.com");
        }

        @Test
        void anotherAccountWithoutDelegationIsRefused() {
            assertThat(auth("OAUTHBEARER " + bearer("ceo@example.com", "john-token"))).isEqualTo("535 5.7.8 Authorization identity refused");
            assertThat(username()).isNull();
        }

        @Test
        void a13RefusedTokensAreFailedLoginsAndScreenTheIp() {
            for (int attempt = 1; attempt <= 9; attempt++) {
                assertThat(auth("XOAUTH2 " + bearer("john@example.com", "forged"))).as("attempt %d", attempt).isEqualTo(CREDENTIALS_INVALID);
            }
            auth("OAUTHBEARER");
            assertThat(line(bearer("john@example.com", "forged"))).isEqualTo(SCREENED);
            assertThat(screen.list()).hasSize(1);
        }

        @Test
        void anUnreadableResponseIsASyntaxErrorAndNoFailedLogin() {
            assertThat(auth("OAUTHBEARER " + base64("n,,\u0001auth=Bearer john-token\u0001\u0001"))).isEqualTo(CANNOT_DECODE);
            assertThat(auth("XOAUTH2 not-base64!")).isEqualTo(CANNOT_DECODE);
            assertThat(metrics.increments()).isEmpty();
        }

        @Test
        void anIdentityProviderThatCannotBeAskedIsATemporaryFailure() {
            when(tokens.verify(oidc, "john-token")).thenThrow(new IllegalStateException("the JWKS could not be read"));

            assertThat(auth("OAUTHBEARER " + bearer("john@example.com", "john-token")))
                .isEqualTo("451 4.3.0 Temporary local problem, try again later");
            assertThat(username()).isNull();
        }

        @Test
        void oauthNeedsNoPlainAuth() {
            session.getConfiguration().plainAuthEnabled(false);

            assertThat(auth("OAUTHBEARER " + bearer("john@example.com", "john-token"))).isEqualTo(SUCCESS);
        }

        @Test
        void notAnnouncedItIsRefusedLikeEveryMechanism() {
            session.getConfiguration().announceAuth(false, false);

            assertThat(auth("OAUTHBEARER " + bearer("john@example.com", "john-token"))).isEqualTo(UNRECOGNIZED);
            verifyNoInteractions(tokens);
        }
    }

    @Nested
    class Refusals {
        @Test
        void aSecondAuthIsRefused() {
            session.authenticatedAs("john@example.com");

            assertThat(auth("PLAIN " + plain("", "ceo@example.com", "ceo-secret"))).isEqualTo("503 5.5.1 Already authenticated");
            assertThat(username()).isEqualTo("john@example.com");
        }

        @Test
        void authDuringAMailTransactionIsRefused() {
            session.mailFrom("john@example.com");

            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret")))
                .isEqualTo("503 5.5.1 AUTH not allowed during a mail transaction");
        }

        @Test
        void authAfterTheTransactionEndedIsAllowedAgain() {
            session.mailFrom("john@example.com");
            session.resetState();

            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret"))).isEqualTo(SUCCESS);
        }

        @Test
        void authNotAnnouncedBeforeStartTlsAsksForEncryption() {
            session.startTlsSupported(true).getConfiguration().announceAuth(false, true);

            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret")))
                .isEqualTo("538 5.7.11 Encryption required for requested authentication mechanism");
            assertThat(credentials.questions()).isEmpty();
        }

        @Test
        void authNotAnnouncedAtAllIsAnUnknownCommand() {
            session.startTlsSupported(true).authAnnounced(false);

            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret"))).isEqualTo(UNRECOGNIZED);
        }

        @Test
        void authNotAnnouncedWithoutStartTlsOnTheListenerIsAnUnknownCommand() {
            session.startTlsSupported(false).getConfiguration().announceAuth(false, true);

            assertThat(auth("LOGIN")).isEqualTo(UNRECOGNIZED);
            assertThat(session.lineHandlerCount()).isZero();
        }

        @Test
        void authNotAnnouncedAfterStartTlsIsAnUnknownCommand() {
            session.startTlsSupported(true).tlsStarted(true).getConfiguration().announceAuth(true, false);

            assertThat(auth("LOGIN")).isEqualTo(UNRECOGNIZED);
        }

        @Test
        void anUnknownMechanismIsRefusedHereNeverLeftToJames() {
            assertThat(auth("CRAM-MD5")).isEqualTo(UNKNOWN_MECHANISM);
            assertThat(auth("OAUTHBEARER bixhPXVzZXJAZXhhbXBsZS5jb20s")).as("without <auth><oidc>").isEqualTo(UNKNOWN_MECHANISM);
            assertThat(session.lineHandlerCount()).isZero();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"", "   ", "PLAIN abc def"})
        void aMissingMechanismOrExtraArgumentIsASyntaxError(String argument) {
            assertThat(auth(argument)).isEqualTo("501 5.5.4 Usage: AUTH mechanism [initial-response]");
        }

        @Test
        void noArgumentAtAllIsASyntaxError() {
            assertThat(Wire.of(gate.onCommand(session, new BaseRequest("AUTH", null))))
                .isEqualTo("501 5.5.4 Usage: AUTH mechanism [initial-response]");
        }

        @Test
        void plainAndLoginAreUnknownWhereJamesDisabledThem() {
            session.getConfiguration().plainAuthEnabled(false);

            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret"))).isEqualTo("504 5.5.4 Unrecognized authentication type");
            assertThat(auth("LOGIN")).isEqualTo("504 5.5.4 Unrecognized authentication type");
        }
    }

    @Nested
    class Screening {
        /** {@code times} wrong passwords over PLAIN, each refused as such. */
        private void failPlain(int times) {
            for (int attempt = 1; attempt <= times; attempt++) {
                assertThat(auth("PLAIN " + plain("", "john@example.com", "wrong"))).as("failure %d", attempt).isEqualTo(CREDENTIALS_INVALID);
            }
        }

        @Test
        void a13TheTenthFailureFromOneIpScreensItAndCloses() {
            failPlain(9);

            assertThat(auth("PLAIN " + plain("", "john@example.com", "wrong"))).isEqualTo(SCREENED);
            assertThat(screen.find(FakeSmtpSession.DEFAULT_REMOTE_IP)).isPresent();
        }

        @Test
        void a13FailuresOverLoginCountToo() {
            for (int attempt = 1; attempt <= 9; attempt++) {
                auth("LOGIN " + base64("john@example.com"));
                line(base64("wrong"));
            }
            auth("LOGIN " + base64("john@example.com"));

            assertThat(line(base64("wrong"))).isEqualTo(SCREENED);
        }

        @Test
        void a13JamesAuthorizedAddressesAreTrustedAndNeverScreened() {
            session.getConfiguration().relayFor(FakeSmtpSession.DEFAULT_REMOTE_IP);
            failPlain(12);
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void aWrongPasswordStaysRefusedInGlobalReportOnlyMode() {
            gate = gate(true);
            failPlain(12);
            assertThat(screen.list()).isEmpty();
        }

        @Test
        void a11OnTheMxListenerAuthIsAnUnknownCommandBeforeAnythingElse() throws Exception {
            gate = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth>");
            session.authenticatedAs("john@example.com").mailFrom("john@example.com");

            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret"))).isEqualTo(UNRECOGNIZED);
            assertThat(credentials.questions()).isEmpty();
        }

        @Test
        void a12TheThirdAttemptOnTheMxListenerScreensAndCloses() throws Exception {
            gate = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth><authProbes><mode>enforce</mode></authProbes>");

            assertThat(auth("LOGIN")).isEqualTo(UNRECOGNIZED);
            assertThat(auth("LOGIN")).isEqualTo(UNRECOGNIZED);
            assertThat(auth("LOGIN")).isEqualTo(SCREENED);
            assertThat(screen.find(FakeSmtpSession.DEFAULT_REMOTE_IP)).isPresent();
        }

        @Test
        void a11InReportOnlyModeAuthWorks() throws Exception {
            gate = configured(gate(false), "<noAuth><mode>report-only</mode></noAuth>");

            assertThat(auth("PLAIN " + plain("", "john@example.com", "secret"))).isEqualTo(SUCCESS);
        }
    }

    @Nested
    class Configuration {
        @Test
        void aBadValueFailsStartUpNamingTheHandlerAndElement() {
            assertThatThrownBy(() -> configured(gate(false), "<noAuth><mode>strict</mode></noAuth>"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<handler class=\"org.jamesguard.hooks.smtp.AuthGate\"><noAuth><mode>: expected off, report-only or enforce, got 'strict'");
        }

        @Test
        void anUnknownElementFailsStartUp() {
            assertThatThrownBy(() -> configured(gate(false), "<noauth><mode>enforce</mode></noauth>"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<handler class=\"org.jamesguard.hooks.smtp.AuthGate\"><noauth>: unknown element, "
                    + "expected one of <noAuth>, <authProbes>, <failedAuth>");
        }
    }

    @Nested
    class Ehlo {
        private final ProtocolHandler ehlo = new EhloCmdHandler(null);

        private SMTPResponse ehloResponse(String... extensions) {
            SMTPResponse response = new SMTPResponse("250", "mx.example.com Hello client.example [198.51.100.7]");
            for (String extension : extensions) {
                response.appendLine(extension);
            }
            return response;
        }

        private Response filtered(AuthGate gate, Response response, ProtocolHandler handler) {
            return gate.onResponse(session, response, 0, handler);
        }

        @Test
        void whereAuthIsNotOfferedEhloDoesNotListIt() throws Exception {
            AuthGate mx = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth>");

            Response response = filtered(mx, ehloResponse("PIPELINING", "AUTH LOGIN PLAIN", "AUTH=LOGIN PLAIN", "ENHANCEDSTATUSCODES"), ehlo);

            assertThat(Wire.of(response)).isEqualTo("250-mx.example.com Hello client.example [198.51.100.7]\r\n"
                + "250-PIPELINING\r\n"
                + "250 ENHANCEDSTATUSCODES");
        }

        @Test
        void theLastKeptLineEndsTheReply() throws Exception {
            AuthGate mx = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth>");

            Response response = filtered(mx, ehloResponse("8BITMIME", "auth plain"), ehlo);

            assertThat(Wire.of(response)).isEqualTo("250-mx.example.com Hello client.example [198.51.100.7]\r\n250 8BITMIME");
        }

        @Test
        void theEndOfSessionFlagIsKept() throws Exception {
            AuthGate mx = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth>");
            SMTPResponse closing = ehloResponse("AUTH PLAIN");
            closing.setEndSession(true);

            assertThat(Wire.of(filtered(mx, closing, ehlo))).isEqualTo("250 mx.example.com Hello client.example [198.51.100.7] (close)");
        }

        @ParameterizedTest(name = "noAuth {0}")
        @ValueSource(strings = {"off", "report-only"})
        void elsewhereEhloIsLeftAlone(String mode) throws Exception {
            AuthGate submission = configured(gate(false), "<noAuth><mode>" + mode + "</mode></noAuth>");
            Response response = ehloResponse("AUTH LOGIN PLAIN");

            assertThat(filtered(submission, response, ehlo)).isSameAs(response);
        }

        @Test
        void anEhloWithoutAuthIsLeftAlone() throws Exception {
            AuthGate mx = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth>");
            Response response = ehloResponse("PIPELINING");

            assertThat(filtered(mx, response, ehlo)).isSameAs(response);
        }

        @Test
        void otherCommandsAreLeftAlone() throws Exception {
            AuthGate mx = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth>");
            Response response = new SMTPResponse("250", "AUTH is the first word of this line");

            assertThat(filtered(mx, response, new MailSizeEsmtpExtension())).isSameAs(response);
        }

        @Test
        void theSessionIsNotTouched() throws Exception {
            AuthGate mx = configured(gate(false), "<noAuth><mode>enforce</mode></noAuth>");

            filtered(mx, ehloResponse("AUTH PLAIN"), ehlo);

            assertThat(session.getUsername()).isNull();
            assertThat(metrics.increments()).isEmpty();
        }
    }

    @Test
    void aLoginIsRecordedAsAJamesUsername() {
        auth("PLAIN " + plain("", "JOHN@example.com", "secret"));

        assertThat(session.getUsername()).isEqualTo(Username.of("john@example.com"));
    }
}
