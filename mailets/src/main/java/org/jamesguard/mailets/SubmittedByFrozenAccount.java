package org.jamesguard.mailets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Decision;
import org.jamesguard.core.Replies;
import org.jamesguard.core.hijack.FrozenAccounts;

/**
 * Matches mail submitted by a frozen account through any channel (an SMTP session that logged in before
 * the freeze, JMAP), so it can be quarantined or refused. Mail James sent itself is never matched.
 * <pre>{@code
 * <mailet match="org.jamesguard.mailets.SubmittedByFrozenAccount" class="ToRepository">
 *   <repositoryPath>file://var/mail/frozen-submissions/</repositoryPath>
 * </mailet>
 * }</pre>
 */
public class SubmittedByFrozenAccount extends GenericMatcher {
    private final FrozenAccounts frozen;

    @Inject
    public SubmittedByFrozenAccount(FrozenAccounts frozen) {
        this.frozen = frozen;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        Optional<String> account = Submitters.account(mail);
        if (account.isEmpty()) {
            return List.of();
        }
        Decision decision = StoreOutages.decided(frozen.atStep(account.get(),
            AuditContext.of(mail.getName(), mail.getRemoteAddr(), account.get(), "mailet"), Replies.ACCOUNT_FROZEN_SESSION),
            "could not tell whether " + account.get() + ", who submitted " + mail.getName() + ", is frozen");
        return decision.refuses() ? mail.getRecipients() : List.of();
    }
}
