package org.jamesguard.hooks.smtp;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

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
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.auth.AccountGate;
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
 * screens IPs that keep trying. James's own AUTH handler never sees the command. The exchange itself is
 * {@link SaslExchange}'s; the decisions are {@link AuthPolicy}'s.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.AuthGate">
 *   <noAuth><mode>enforce</mode></noAuth>    <!-- on the MX listener -->
 * </handler>
 * }</pre>
 * The elements are those of {@link AuthPolicyConfig}. Put it on every listener.
 */
public class AuthGate implements CommandHandler<SMTPSession>, ProtocolHandlerResultHandler<Response, SMTPSession>,
    JamesMessageHook, SaslExchange.Logins {
    /** Report-only notes about the AUTH exchange go into every message of the session. */
    private static final SessionHeaders HEADERS = new SessionHeaders("auth-gate");

    private final Function<AuthPolicyConfig, AuthPolicy> policies;
    private final TrustedNetworks trusted;
    private final OidcTokens tokens;
    private final SaslExchange exchange = new SaslExchange(this);
    private AuthPolicyConfig config;
    private AuthPolicy policy;

    @Inject
    public AuthGate(Credentials credentials, CounterStore counters, DynamicScreen screen, DecisionRecorder recorder,
                    TrustedNetworks trusted, Clock clock, AccountGate accountGate, OidcTokens tokens) {
        this.policies = newConfig -> new AuthPolicy(newConfig, credentials, counters, screen, recorder, clock, accountGate);
        this.trusted = trusted;
        this.tokens = tokens;
        configure(AuthPolicyConfig.defaults());
    }

    @Override
    public void init(Configuration configuration) throws ConfigurationException {
        configure(HandlerConfigs.parse(configuration, getClass(), AuthPolicyConfig::parse));
    }

    private void configure(AuthPolicyConfig newConfig) {
        config = newConfig;
        policy = policies.apply(newConfig);
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
            return SmtpReplies.response(Replies.ALREADY_AUTHENTICATED, false);
        }
        if (session.getAttachment(SMTPSession.SENDER, State.Transaction).isPresent()) {
            return SmtpReplies.response(Replies.AUTH_IN_TRANSACTION, false);
        }
        if (!session.isAuthAnnounced()) {
            return SmtpReplies.response(policy.onAuthNotAnnounced(snapshot, SaslExchange.offeredAfterStartTls(session)));
        }
        return exchange.start(session, request.getArgument());
    }

    @Override
    public Response password(SMTPSession session, String authorizationId, String user, String password) {
        return login(session, policy.authenticate(SmtpSessions.snapshot(session, trusted), authorizationId, user, password));
    }

    /** Checked as James checks a token, then gated as a password login; James's own check counts nothing. */
    @Override
    public Response token(SMTPSession session, String mechanism, OidcSASLConfiguration oidc,
                          OIDCSASLParser.OIDCInitialResponse response) {
        String user = response.getAssociatedUser();
        return login(session, policy.authenticateVerified(SmtpSessions.snapshot(session, trusted), mechanism, user,
            () -> tokens.verify(oidc, response.getToken()), user));
    }

    private Response login(SMTPSession session, AuthResult result) {
        if (result.account().isPresent()) {
            session.setUsername(Username.of(result.account().get()));
            SmtpSessions.setDelegatingLogin(session, result.delegatingLogin());
            session.setRelayingAllowed(true);
            HEADERS.add(session, result.headers(), State.Connection);
            return SaslExchange.AUTHENTICATED;
        }
        return SmtpReplies.response(result.refusal().orElseThrow());
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        return HEADERS.writeTo(session);
    }

    /** Where AUTH is not offered (A11), EHLO must not list it, whatever James's own configuration says. */
    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        return handler instanceof EhloCmdHandler && config.hidesAuth() ? EhloWithoutAuth.of(response) : response;
    }
}
