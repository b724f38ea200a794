package org.jamesguard.hooks.smtp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.OIDCSASLParser;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jamesguard.core.CheckId;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.AccountGate;
import org.jamesguard.core.auth.AuthNotOfferedCheck;
import org.jamesguard.core.auth.AuthPolicy;
import org.jamesguard.core.auth.AuthPolicyConfig;
import org.jamesguard.core.auth.AuthResult;
import org.jamesguard.core.auth.Credentials;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.hooks.accounts.OidcTokens;

import com.google.common.collect.ImmutableList;

/**
 * Takes over the AUTH command for every mechanism (SPEC A11–A14): PLAIN and LOGIN, and OAUTHBEARER and
 * XOAUTH2 where James offers them. James 3.8.1 accepts AUTH even where it does not offer it, ignores the
 * PLAIN authorization identity and lets token logins past every count; this gate answers AUTH itself, so
 * every login goes through one gate that counts failures, refuses impersonation and frozen accounts, and
 * screens IPs that keep trying. James's own AUTH handler never sees the command.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.AuthGate">
 *   <noAuth><mode>enforce</mode></noAuth>    <!-- on the MX listener -->
 * </handler>
 * }</pre>
 * The elements are those of {@link AuthPolicyConfig}. Put it on every listener.
 */
public class AuthGate implements CommandHandler<SMTPSession>, ProtocolHandlerResultHandler<Response, SMTPSession>,
    JamesMessageHook {
    /** Report-only notes about the AUTH exchange go into every message of the session. */
    private static final SessionHeaders HEADERS = new SessionHeaders("auth-gate");
    static final CheckId REQUIRES_TLS = CheckId.of("auth-requires-tls");
    private static final Response AUTHENTICATED = new SMTPResponse("235", "2.7.0 Authentication successful").immutable();
    private static final Response ALREADY_AUTHENTICATED = new SMTPResponse("503", "5.5.1 Already authenticated").immutable();
    private static final Response IN_TRANSACTION = new SMTPResponse("503", "5.5.1 AUTH not allowed during a mail transaction").immutable();
    private static final Response SYNTAX = new SMTPResponse("501", "5.5.4 Usage: AUTH mechanism [initial-response]").immutable();
    private static final Response MALFORMED = new SMTPResponse("501", "5.5.2 Cannot decode the AUTH response").immutable();
    private static final Response CANCELLED = new SMTPResponse("501", "5.7.0 Authentication cancelled").immutable();
    private static final Response UNKNOWN_MECHANISM = new SMTPResponse("504", "5.5.4 Unrecognized authentication type").immutable();
    private static final Response PLAIN_CHALLENGE = new SMTPResponse("334", "").immutable();
    private static final Response USERNAME_CHALLENGE = new SMTPResponse("334", "VXNlcm5hbWU6").immutable();
    private static final Response PASSWORD_CHALLENGE = new SMTPResponse("334", "UGFzc3dvcmQ6").immutable();
    private static final String OAUTHBEARER = "OAUTHBEARER";
    private static final String XOAUTH2 = "XOAUTH2";

    private final Credentials credentials;
    private final CounterStore counters;
    private final DynamicScreen screen;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;
    private final Clock clock;
    private final AccountGate accountGate;
    private final OidcTokens tokens;
    private AuthPolicyConfig config;
    private AuthPolicy policy;

    @Inject
    public AuthGate(Credentials credentials, CounterStore counters, DynamicScreen screen, DecisionRecorder recorder,
                    TrustedNetworks trusted, Clock clock, AccountGate accountGate, OidcTokens tokens) {
        this.credentials = credentials;
        this.counters = counters;
        this.screen = screen;
        this.recorder = recorder;
        this.trusted = trusted;
        this.clock = clock;
        this.accountGate = accountGate;
        this.tokens = tokens;
        configure(AuthPolicyConfig.defaults());
    }

    @Override
    public void init(Configuration configuration) throws ConfigurationException {
        configure(HandlerConfigs.parse(configuration, getClass(), AuthPolicyConfig::parse));
    }

    private void configure(AuthPolicyConfig newConfig) {
        config = newConfig;
        policy = new AuthPolicy(newConfig, credentials, counters, screen, recorder, clock, accountGate);
    }

    @Override
    public Collection<String> getImplCommands() {
        return ImmutableList.of("AUTH");
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        Decision offered = policy.onAuthCommand(snapshot);
        if (offered.refuses()) {
            return SmtpReplies.response(offered);
        }
        offered.header().ifPresent(header -> HEADERS.add(session, List.of(header), State.Connection));
        if (session.getUsername() != null) {
            return ALREADY_AUTHENTICATED;
        }
        if (session.getAttachment(SMTPSession.SENDER, State.Transaction).isPresent()) {
            return IN_TRANSACTION;
        }
        if (!session.isAuthAnnounced()) {
            return notAnnounced(session, snapshot);
        }
        String[] arguments = Optional.ofNullable(request.getArgument()).orElse("").trim().split("\\s+");
        String mechanism = arguments[0].toUpperCase(Locale.ROOT);
        Optional<String> initialResponse = arguments.length > 1 ? Optional.of(arguments[1]) : Optional.empty();
        if (mechanism.isEmpty() || arguments.length > 2) {
            return SYNTAX;
        }
        if (mechanism.equals(OAUTHBEARER) || mechanism.equals(XOAUTH2)) {
            return oauth(session, mechanism, initialResponse);
        }
        if (!mechanism.equals("PLAIN") && !mechanism.equals("LOGIN")) {
            return UNKNOWN_MECHANISM;
        }
        if (!session.getConfiguration().isPlainAuthEnabled()) {
            return UNKNOWN_MECHANISM;
        }
        if (mechanism.equals("PLAIN")) {
            return initialResponse.map(response -> plain(session, response))
                .orElseGet(() -> challenge(session, PLAIN_CHALLENGE, line -> plain(session, line)));
        }
        return initialResponse.map(user -> loginUser(session, user))
            .orElseGet(() -> challenge(session, USERNAME_CHALLENGE, user -> loginUser(session, user)));
    }

    /** James offers no AUTH to this client: before STARTTLS where TLS is required, or not at all. */
    private Response notAnnounced(SMTPSession session, SessionSnapshot snapshot) {
        boolean tlsWouldHelp = !session.isTLSStarted() && session.isStartTLSSupported()
            && session.getConfiguration().isAuthAnnounced(snapshot.clientIp().getHostAddress(), true);
        Verdict verdict = tlsWouldHelp
            ? Verdict.reject(REQUIRES_TLS, Replies.ENCRYPTION_REQUIRED).withDetail("AUTH before STARTTLS")
            : AuthNotOfferedCheck.check().withDetail("AUTH not offered to this client");
        return SmtpReplies.response(recorder.refuse(verdict, snapshot.auditContext()));
    }

    /** RFC 4616: {@code [authzid] NUL authcid NUL passwd}, base64; {@code =} is an empty response. */
    private Response plain(SMTPSession session, String encoded) {
        Optional<String> decoded = decode(encoded);
        if (decoded.isEmpty()) {
            return MALFORMED;
        }
        String[] parts = decoded.get().split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return MALFORMED;
        }
        return authenticate(session, parts[0], parts[1], parts[2]);
    }

    private Response loginUser(SMTPSession session, String encodedUser) {
        Optional<String> user = decode(encodedUser).filter(name -> !name.isEmpty());
        if (user.isEmpty()) {
            return MALFORMED;
        }
        return challenge(session, PASSWORD_CHALLENGE, password -> decode(password)
            .map(decoded -> authenticate(session, "", user.get(), decoded))
            .orElse(MALFORMED));
    }

    /**
     * OAUTHBEARER (RFC 7628) and Google's XOAUTH2, where James offers them ({@code <auth><oidc>}): the token is
     * checked as James checks it, then the login meets the gate of a password login. Answered here, never by
     * James, whose own check counts nothing and lets frozen accounts in.
     */
    private Response oauth(SMTPSession session, String mechanism, Optional<String> initialResponse) {
        Optional<OidcSASLConfiguration> oidc = session.getConfiguration().saslConfiguration();
        if (oidc.isEmpty()) {
            return UNKNOWN_MECHANISM;
        }
        return initialResponse.map(response -> bearer(session, mechanism, oidc.get(), response))
            .orElseGet(() -> challenge(session, PLAIN_CHALLENGE, line -> bearer(session, mechanism, oidc.get(), line)));
    }

    /** James's reading of the response: {@code [n,]user=<account>^Aauth=Bearer <token>^A^A}, base64. */
    private Response bearer(SMTPSession session, String mechanism, OidcSASLConfiguration oidc, String encoded) {
        Optional<OIDCSASLParser.OIDCInitialResponse> response = OIDCSASLParser.parse(encoded);
        if (response.isEmpty()) {
            return MALFORMED;
        }
        String user = response.get().getAssociatedUser();
        return login(session, policy.authenticateVerified(SmtpSessions.snapshot(session, trusted), mechanism, user,
            () -> tokens.verify(oidc, response.get().getToken()), user));
    }

    private Response authenticate(SMTPSession session, String authorizationId, String user, String password) {
        return login(session, policy.authenticate(SmtpSessions.snapshot(session, trusted), authorizationId, user, password));
    }

    private Response login(SMTPSession session, AuthResult result) {
        if (result.account().isPresent()) {
            session.setUsername(Username.of(result.account().get()));
            SmtpSessions.setDelegatingLogin(session, result.delegatingLogin());
            session.setRelayingAllowed(true);
            HEADERS.add(session, result.headers(), State.Connection);
            return AUTHENTICATED;
        }
        return SmtpReplies.response(result.refusal().orElseThrow());
    }

    /** Sends a 334 challenge; the client's next line goes to {@code next} (or cancels with {@code *}). */
    private static Response challenge(SMTPSession session, Response prompt, java.util.function.Function<String, Response> next) {
        session.pushLineHandler(new LineHandler<SMTPSession>() {
            @Override
            public Response onLine(SMTPSession s, byte[] line) {
                s.popLineHandler();
                String text = new String(line, StandardCharsets.US_ASCII).trim();
                return text.equals("*") ? CANCELLED : next.apply(text);
            }
        });
        return prompt;
    }

    private static Optional<String> decode(String base64) {
        if (base64.equals("=")) {
            return Optional.of("");
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        return HEADERS.writeTo(session);
    }

    /** Where AUTH is not offered (A11), EHLO must not list it, whatever James's own configuration says. */
    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        if (!(handler instanceof EhloCmdHandler) || !config.hidesAuth()) {
            return response;
        }
        List<String> kept = new ArrayList<>();
        for (CharSequence line : response.getLines()) {
            String text = line.toString().substring(Math.min(4, line.length()));
            if (!text.toUpperCase(Locale.ROOT).startsWith("AUTH")) {
                kept.add(text);
            }
        }
        if (kept.size() == response.getLines().size()) {
            return response;
        }
        SMTPResponse stripped = new SMTPResponse(response.getRetCode(), kept.get(0));
        kept.subList(1, kept.size()).forEach(stripped::appendLine);
        stripped.setEndSession(response.isEndSession());
        return stripped;
    }
}
