package org.jamesguard.mailets;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.hijack.FreezeService;
import org.jamesguard.core.hijack.UnfreezeTokens;

/**
 * Takes the replies to freeze notices (the recipients {@link IsUnfreezeReply} matched): each unfreezes its
 * account only when submitted by an authenticated postmaster of that account's domain (or a configured
 * administrator) with a valid, unexpired, unused token. Everything else is refused and logged. The token
 * addresses are consumed: nothing is delivered to them.
 * <pre>{@code
 * <mailet match="org.jamesguard.mailets.IsUnfreezeReply" class="org.jamesguard.mailets.UnfreezeByReply"/>
 * }</pre>
 */
public class UnfreezeByReply extends GenericMailet {
    private final FreezeService freezes;

    @Inject
    public UnfreezeByReply(FreezeService freezes) {
        this.freezes = freezes;
    }

    @Override
    public void service(Mail mail) {
        List<MailAddress> remaining = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            if (UnfreezeTokens.looksLikeToken(recipient.getLocalPart())) {
                freezes.unfreezeByReply(recipient.getLocalPart(), Submitters.account(mail),
                    AuditContext.of(mail.getName(), mail.getRemoteAddr(), Submitters.account(mail).orElse(null), "mailet"));
            } else {
                remaining.add(recipient);
            }
        }
        if (remaining.isEmpty()) {
            mail.setState(Mail.GHOST);
        } else {
            mail.setRecipients(remaining);
        }
    }
}
