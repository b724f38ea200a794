package org.jamesguard.hooks.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.hooks.testing.FrozenAccountsFixture.PASSWORD;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.imap.api.ImapSessionState;
import org.apache.james.imap.api.Tag;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.ImapResponseMessage;
import org.apache.james.imap.api.message.response.StatusResponse;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.IRAuthenticateRequest;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.message.response.UnpooledStatusResponseFactory;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.SessionProvider.AuthorizationStep;
import org.apache.james.mailbox.exception.BadCredentialsException;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.util.MDCBuilder;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.hooks.accounts.OidcTokens;
import org.jamesguard.hooks.testing.FrozenAccountsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import reactor.core.publisher.Mono;

/**
 * GuardLoginProcessor and GuardAuthenticateProcessor in front of James's own processing (a mocked
 * MailboxManager that knows one password, {@value FrozenAccountsFixture#PASSWORD}).
 */
class GuardLoginProcessorsTest {
    private static final String ALICE = "alice@example.test";
    private static final String BOB = "bob@example.test";
    private static final String FROZEN_NO = "failed. Account frozen: contact your postmaster";
    private static final OidcSASLConfiguration OIDC = oidc();

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final FrozenAccountsFixture accounts = new FrozenAccountsFixture(ALICE, BOB);
    private final MailboxManager mailboxManager = mock(MailboxManager.class);
    private final ImapSession session = mock(ImapSession.class);
    private final Responses responses = new Responses();
    private final OidcTokens tokens = mock(OidcTokens.class);
    private GuardLoginProcessor login;
    private GuardAuthenticateProcessor authenticate;

    @BeforeEach
    void setUp() throws Exception {
        when(mailboxManager.manageProcessing(any(), any())).thenAnswer(invocation -> invocation.getArgument(0));
        AuthorizationStep refused = mock(AuthorizationStep.class);
        when(refused.withoutDelegation()).thenThrow(new BadCredentialsException());
        when(refused.as(any())).thenThrow(new BadCredentialsException());
        when(mailboxManager.authenticate(any(Username.class), any(String.class))).thenReturn(refused);
        when(session.getState()).thenReturn(ImapSessionState.NON_AUTHENTICATED);
        when(session.sessionId()).thenReturn(ImapSession.SessionId.generate());
        when(session.getAttribute(ImapChannelUpstreamHandler.MDC_KEY))
            .thenReturn(MDCBuilder.create().addToContext(MDCBuilder.IP, "192.0.2.7"));
        UnpooledStatusResponseFactory factory = new UnpooledStatusResponseFactory();
        login = new GuardLoginProcessor(mailboxManager, factory, new RecordingMetricFactory(), accounts.logins(),
            accounts.screenedLogins());
        authenticate = new GuardAuthenticateProcessor(mailboxManager, factory, new RecordingMetricFactory(), accounts.logins(),
            accounts.screenedLogins(), tokens);
        when(session.supportsOAuth()).thenReturn(true);
        when(session.oidcSaslConfiguration()).thenReturn(Optional.of(OIDC));
        when(tokens.verify(any(), any())).thenReturn(Optional.empty());
        when(tokens.verify(OIDC, "alice-token")).thenReturn(Optional.of(ALICE));
    }

    private void process(ImapProcessor processor, ImapRequest request) {
        processor.processReactive(request, responses, session).block();
    }

    private static LoginRequest loginCommand(String user, String password) {
        return new LoginRequest(Username.of(user), password, new Tag("a1"));
    }

    private static IRAuthenticateRequest authenticatePlain(String authorizationId, String user, String password) {
        String token = authorizationId + "\0" + user + "\0" + password;
        return new IRAuthenticateRequest("PLAIN", new Tag("a2"),
            Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code AUTHENTICATE <mechanism> <response>} with the token for {@code user=}, as James 3.8.1 reads it. */
    private static IRAuthenticateRequest authenticateOauth(String mechanism, String user, String token) {
        String response = "n,user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001";
        return new IRAuthenticateRequest(mechanism, new Tag("a3"),
            Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8)));
    }

    private static OidcSASLConfiguration oidc() {
        try {
            return new OidcSASLConfiguration(new URL("http://127.0.0.1:1/jwks"), "email", new URL("http://127.0.0.1:1/oidc"), "email",
                Optional.empty(), Optional.empty(), Optional.empty());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loginOfAFrozenAccountWithTheRightPasswordGetsTheFrozenNo() throws Exception {
        accounts.freeze(ALICE);

        process(login, loginCommand("Alice@example.test", PASSWORD));

        assertThat(responses.taggedNo()).isEqualTo(FROZEN_NO);
        verify(mailboxManager, never()).authenticate(any(Username.class), any(String.class));
        assertThat(audit.messages()).singleElement().asString()
            .contains("check=frozen-account verdict=reject")
            .contains("ip=192.0.2.7 account=alice@example.test listener=imap");
    }

    /** Issue 12, hole 6: an IP screened for guessing SMTP passwords cannot go on guessing over IMAP. */
    @Test
    void aLoginFromAScreenedIpIsRefusedBeforeThePasswordIsChecked() throws Exception {
        accounts.screen("192.0.2.7");
        audit.clear();

        process(login, loginCommand(ALICE, "guess"));

        assertThat(responses.taggedNo()).isEqualTo("failed. Client host blocked by the dynamic screen");
        verify(mailboxManager, never()).authenticate(any(Username.class), any(String.class));
        assertThat(audit.messages()).singleElement().asString().startsWith("check=screened-ip verdict=reject");
    }

    @Test
    void anAuthenticateFromAScreenedIpIsRefusedBeforeThePasswordIsChecked() throws Exception {
        accounts.screen("192.0.2.7");

        process(authenticate, authenticatePlain(BOB, ALICE, "guess"));

        assertThat(responses.taggedNo()).isEqualTo("failed. Client host blocked by the dynamic screen");
        verify(mailboxManager, never()).authenticate(any(Username.class), any(String.class));
    }

    @Test
    void loginOfAFrozenAccountWithAWrongPasswordGetsJamesUsualFailure() {
        accounts.freeze(ALICE);

        process(login, loginCommand(ALICE, "wrong"));

        assertThat(responses.taggedNo()).isEqualTo(HumanReadableText.INVALID_LOGIN.getDefaultValue());
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void loginOfAnAccountThatIsNotFrozenIsLeftToJames() throws Exception {
        accounts.freeze(BOB);

        process(login, loginCommand(ALICE, PASSWORD));

        verify(mailboxManager).authenticate(Username.of(ALICE), PASSWORD);
    }

    @Test
    void authenticatePlainOfAFrozenAccountWithTheRightPasswordGetsTheFrozenNo() throws Exception {
        accounts.freeze(ALICE);

        process(authenticate, authenticatePlain("", ALICE, PASSWORD));

        assertThat(responses.taggedNo()).isEqualTo(FROZEN_NO);
        verify(mailboxManager, never()).authenticate(any(Username.class), any(String.class));
    }

    @Test
    void authenticatePlainOfAFrozenAccountWithAWrongPasswordGetsJamesUsualFailure() {
        accounts.freeze(ALICE);

        process(authenticate, authenticatePlain("", ALICE, "wrong"));

        assertThat(responses.taggedNo()).isEqualTo(HumanReadableText.AUTHENTICATION_FAILED.getDefaultValue());
    }

    @Test
    void aFrozenAccountCannotActForAnotherWithItsRightPassword() throws Exception {
        accounts.freeze(ALICE);

        process(authenticate, authenticatePlain(BOB, ALICE, PASSWORD));

        assertThat(responses.taggedNo()).isEqualTo(FROZEN_NO);
        verify(mailboxManager, never()).authenticate(any(Username.class), any(String.class));
    }

    /** Issue 12, hole 2: as over SMTP, nobody may act for a frozen account. */
    @Test
    void actingForAFrozenAccountThatDelegatedToTheLoginGetsTheFrozenNo() throws Exception {
        accounts.delegation(BOB, ALICE).freeze(BOB);

        process(authenticate, authenticatePlain(BOB, ALICE, PASSWORD));

        assertThat(responses.taggedNo()).isEqualTo(FROZEN_NO);
        verify(mailboxManager, never()).authenticate(any(Username.class), any(String.class));
        assertThat(audit.messages()).singleElement().asString().contains("account=bob@example.test listener=imap");
    }

    @Test
    void actingForAFrozenAccountWithoutADelegationIsLeftToJames() throws Exception {
        accounts.freeze(BOB);

        process(authenticate, authenticatePlain(BOB, ALICE, PASSWORD));

        verify(mailboxManager).authenticate(Username.of(ALICE), PASSWORD);
    }

    @Test
    void oauthOfAnAccountThatIsNotFrozenLogsIn() {
        process(authenticate, authenticateOauth("OAUTHBEARER", ALICE, "alice-token"));

        verify(mailboxManager).createSystemSession(Username.of(ALICE));
    }

    @Test
    void oauthOfAFrozenAccountGetsTheFrozenNoOverEitherMechanism() {
        accounts.freeze(ALICE);

        process(authenticate, authenticateOauth("OAUTHBEARER", ALICE, "alice-token"));
        assertThat(responses.taggedNo()).isEqualTo(FROZEN_NO);
        responses.clear();
        process(authenticate, authenticateOauth("XOAUTH2", ALICE, "alice-token"));
        assertThat(responses.taggedNo()).isEqualTo(FROZEN_NO);

        verify(mailboxManager, never()).createSystemSession(any());
        assertThat(audit.messages()).hasSize(2).allMatch(line -> line.contains("account=alice@example.test listener=imap"));
    }

    @Test
    void aFrozenAccountsTokenCannotActForAnother() throws Exception {
        accounts.freeze(ALICE);

        process(authenticate, authenticateOauth("OAUTHBEARER", BOB, "alice-token"));

        assertThat(responses.taggedNo()).isEqualTo(FROZEN_NO);
        verify(mailboxManager, never()).authenticate(any(Username.class));
    }

    @Test
    void aRefusedTokenGetsJamesUsualFailure() {
        process(authenticate, authenticateOauth("OAUTHBEARER", ALICE, "forged"));

        assertThat(responses.taggedNo()).isEqualTo(HumanReadableText.AUTHENTICATION_FAILED.getDefaultValue());
        verify(mailboxManager, never()).createSystemSession(any());
    }

    @Test
    void anIdentityProviderThatCannotBeAskedIsNoLogin() {
        when(tokens.verify(OIDC, "alice-token")).thenThrow(new IllegalStateException("the JWKS could not be read"));

        process(authenticate, authenticateOauth("OAUTHBEARER", ALICE, "alice-token"));

        assertThat(responses.taggedNo()).isEqualTo(HumanReadableText.GENERIC_FAILURE_DURING_PROCESSING.getDefaultValue());
        verify(mailboxManager, never()).createSystemSession(any());
    }

    /** What the processors answer. */
    private static final class Responses implements ImapProcessor.Responder {
        private final List<ImapResponseMessage> messages = new ArrayList<>();

        @Override
        public synchronized void respond(ImapResponseMessage message) {
            messages.add(message);
        }

        @Override
        public void flush() {
        }

        synchronized void clear() {
            messages.clear();
        }

        /** The text of the one tagged NO answered. */
        synchronized String taggedNo() {
            assertThat(messages).singleElement().isInstanceOf(StatusResponse.class);
            StatusResponse response = (StatusResponse) messages.get(0);
            assertThat(response.getServerResponseType()).isEqualTo(StatusResponse.Type.NO);
            return response.getTextKey().getDefaultValue();
        }
    }
}
