package org.jamesguard.hooks.imap;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.OIDCSASLParser;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.screen.ScreenedLogins;
import org.jamesguard.hooks.accounts.OidcTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * James's {@code AUTHENTICATE} with the freeze checked first (SPEC C7):
 * <ul>
 * <li>{@code PLAIN}, with or without an authorization identity: the account whose password is given, and
 * the one it asks to act as, are refused while frozen, when the password is right ({@code NO AUTHENTICATE
 * failed. Account frozen: contact your postmaster}); a wrong password gets James's usual failure;</li>
 * <li>{@code OAUTHBEARER}/{@code XOAUTH2}, with the token in the command (SASL-IR) or after the continuation:
 * the token is checked here as James checks it ({@link OidcTokens}), then its own account, and the account
 * it asks to act as, are refused while frozen. A refused token keeps James's failure.</li>
 * </ul>
 * A client IP on the dynamic screen is refused before any credential is checked.
 * Installed by {@link GuardImapPackage} in place of {@link AuthenticateProcessor}.
 */
public class GuardAuthenticateProcessor extends AuthenticateProcessor {
    private static final Logger LOGGER = LoggerFactory.getLogger(GuardAuthenticateProcessor.class);

    private final FrozenLogins frozenLogins;
    private final ScreenedLogins screenedLogins;
    private final OidcTokens tokens;

    @Inject
    public GuardAuthenticateProcessor(MailboxManager mailboxManager, StatusResponseFactory factory,
                                      MetricFactory metricFactory, FrozenLogins frozenLogins, ScreenedLogins screenedLogins,
                                      OidcTokens tokens) {
        super(mailboxManager, factory, metricFactory);
        this.frozenLogins = frozenLogins;
        this.screenedLogins = screenedLogins;
        this.tokens = tokens;
    }

    @Override
    protected void doAuth(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder,
                          HumanReadableText failed) {
        ImapLogins.passwordLogin(screenedLogins, frozenLogins, attempt.getAuthenticationId(), attempt.getPassword(), null, session)
            .ifPresentOrElse(refusal -> no(request, responder, refusal),
                () -> super.doAuth(attempt, session, request, responder, failed));
    }

    /** PLAIN with an authorization identity naming another user (a delegation): neither account may be frozen. */
    @Override
    protected void doAuthWithDelegation(AuthenticationAttempt attempt, ImapSession session, ImapRequest request,
                                        Responder responder) {
        ImapLogins.passwordLogin(screenedLogins, frozenLogins, attempt.getAuthenticationId(), attempt.getPassword(),
                attempt.getDelegateUserName().orElse(null), session)
            .ifPresentOrElse(refusal -> no(request, responder, refusal),
                () -> super.doAuthWithDelegation(attempt, session, request, responder));
    }

    /**
     * Both ways an OAuth token arrives. James's own version would tell nobody which account the token
     * proved when it acts for another one, so the whole exchange is answered here.
     */
    @Override
    protected void doOAuth(String initialResponse, ImapSession session, ImapRequest request, Responder responder) {
        Optional<OidcSASLConfiguration> oidc = session.oidcSaslConfiguration();
        Optional<OIDCSASLParser.OIDCInitialResponse> response = OIDCSASLParser.parse(initialResponse);
        Optional<Username> actingAs = response.flatMap(parsed -> username(parsed.getAssociatedUser()));
        if (!session.supportsOAuth() || oidc.isEmpty() || actingAs.isEmpty()) {
            super.doOAuth(initialResponse, session, request, responder);
            return;
        }
        Optional<HumanReadableText> screened = ImapLogins.screened(screenedLogins, actingAs.get(), session);
        if (screened.isPresent()) {
            no(request, responder, screened.get());
            session.stopDetectingCommandInjection();
            return;
        }
        Optional<String> account;
        try {
            account = tokens.verify(oidc.get(), response.get().getToken());
        } catch (RuntimeException e) {
            LOGGER.warn("OAuth login not checked: {}", e.getMessage());
            no(request, responder, HumanReadableText.GENERIC_FAILURE_DURING_PROCESSING);
            session.stopDetectingCommandInjection();
            return;
        }
        if (account.isEmpty()) {
            manageFailureCount(session, request, responder);
        } else {
            Username tokenUser = Username.of(account.get());
            ImapLogins.authenticated(frozenLogins, tokenUser, session)
                .or(() -> actingAs.get().equals(tokenUser) ? Optional.empty()
                    : ImapLogins.authenticated(frozenLogins, actingAs.get(), session))
                .ifPresentOrElse(refusal -> no(request, responder, refusal), () -> {
                    if (actingAs.get().equals(tokenUser)) {
                        authSuccess(tokenUser, session, request, responder);
                    } else {
                        doAuthWithDelegation(() -> getMailboxManager().authenticate(tokenUser).as(actingAs.get()), session, request,
                            responder);
                    }
                });
        }
        session.stopDetectingCommandInjection();
    }

    private static Optional<Username> username(String name) {
        try {
            return Optional.of(Username.of(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
