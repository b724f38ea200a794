package org.jamesguard.hooks.imap;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.screen.ScreenedLogins;

/**
 * James's {@code AUTHENTICATE} with the freeze checked first (SPEC C7):
 * <ul>
 * <li>{@code PLAIN}, with or without an authorization identity: the account whose password is given, and
 * the one it asks to act as, are refused while frozen, when the password is right ({@code NO AUTHENTICATE
 * failed. Account frozen: contact your postmaster}); a wrong password gets James's usual failure;</li>
 * <li>{@code OAUTHBEARER}/{@code XOAUTH2}: the token's account, once James has validated the token.
 * (When the token's user asks for another user's mailbox, James hides who authenticated: that
 * delegated OAuth login is not gated.)</li>
 * </ul>
 * Installed by {@link GuardImapPackage} in place of {@link AuthenticateProcessor}.
 */
public class GuardAuthenticateProcessor extends AuthenticateProcessor {
    private final FrozenLogins frozenLogins;
    private final ScreenedLogins screenedLogins;

    @Inject
    public GuardAuthenticateProcessor(MailboxManager mailboxManager, StatusResponseFactory factory,
                                      MetricFactory metricFactory, FrozenLogins frozenLogins, ScreenedLogins screenedLogins) {
        super(mailboxManager, factory, metricFactory);
        this.frozenLogins = frozenLogins;
        this.screenedLogins = screenedLogins;
    }

    @Override
    protected void doAuth(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder,
                          HumanReadableText failed) {
        ImapLogins.screened(screenedLogins, attempt.getAuthenticationId(), session)
            .or(() -> ImapLogins.withPassword(frozenLogins, attempt.getAuthenticationId(), attempt.getPassword(), session))
            .ifPresentOrElse(refusal -> no(request, responder, refusal),
                () -> super.doAuth(attempt, session, request, responder, failed));
    }

    /** PLAIN with an authorization identity naming another user (a delegation): neither account may be frozen. */
    @Override
    protected void doAuthWithDelegation(AuthenticationAttempt attempt, ImapSession session, ImapRequest request,
                                        Responder responder) {
        ImapLogins.screened(screenedLogins, attempt.getAuthenticationId(), session)
            .or(() -> ImapLogins.withPasswordActingAs(frozenLogins, attempt.getAuthenticationId(), attempt.getPassword(),
                attempt.getDelegateUserName().orElse(null), session))
            .ifPresentOrElse(refusal -> no(request, responder, refusal),
                () -> super.doAuthWithDelegation(attempt, session, request, responder));
    }

    /** An OAuth token James has validated, for its own user. */
    @Override
    protected void authSuccess(Username username, ImapSession session, ImapRequest request, Responder responder) {
        ImapLogins.authenticated(frozenLogins, username, session)
            .ifPresentOrElse(refusal -> no(request, responder, refusal),
                () -> super.authSuccess(username, session, request, responder));
    }
}
