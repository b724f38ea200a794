package org.jamesguard.hooks.imap;

import javax.inject.Inject;

import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.LoginProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.screen.ScreenedLogins;

/**
 * James's {@code LOGIN} with the freeze checked first (SPEC C7): a frozen account with the right
 * password gets {@code NO LOGIN failed. Account frozen: contact your postmaster}; a wrong
 * password gets James's usual {@code NO LOGIN failed. Invalid login/password.}. Installed by
 * {@link GuardImapPackage} in place of {@link LoginProcessor}.
 */
public class GuardLoginProcessor extends LoginProcessor {
    private final FrozenLogins frozenLogins;
    private final ScreenedLogins screenedLogins;

    @Inject
    public GuardLoginProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory,
                               FrozenLogins frozenLogins, ScreenedLogins screenedLogins) {
        super(mailboxManager, factory, metricFactory);
        this.frozenLogins = frozenLogins;
        this.screenedLogins = screenedLogins;
    }

    @Override
    protected void doAuth(AuthenticationAttempt attempt, ImapSession session, ImapRequest request, Responder responder,
                          HumanReadableText failed) {
        ImapLogins.passwordLogin(screenedLogins, frozenLogins, attempt.getAuthenticationId(), attempt.getPassword(), null, session)
            .ifPresentOrElse(refusal -> no(request, responder, refusal),
                () -> super.doAuth(attempt, session, request, responder, failed));
    }
}
