package org.jamesguard.mailets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.hijack.FreezeService;
import org.jamesguard.core.hijack.UnfreezeTokens;

/**
 * Takes the replies to freeze notices (the recipients {@link IsUnfreezeReply} matched): each unfreezes its
 * account only when submitted by an authenticated postmaster of that account's domain (or a configured
 * administrator) with a valid, unexpired, unused token. Everything else is refused, logged and, for an
 * authenticated sender, bounced with the reason. The token addresses are consumed: nothing is delivered to them.
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

    /**
     * An authenticated sender whose reply unfroze nothing gets a bounce saying why (a store outage: send it again
     * later); an unauthenticated sender may be forged, so it gets none: the audit line is all.
     */
    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<String> submitter = Submitters.account(mail);
        List<MailAddress> remaining = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            if (UnfreezeTokens.looksLikeToken(recipient.getLocalPart())) {
                freezes.unfreezeByReply(recipient.getLocalPart(), submitter,
                    AuditContext.of(mail.getName(), mail.getRemoteAddr(), submitter.orElse(null), "mailet")).ifPresent(refusals::add);
            } else {
                remaining.add(recipient);
            }
        }
        if (!refusals.isEmpty() && submitter.isPresent()) {
            getMailetContext().bounce(mail, "Your reply to a James Guard freeze notice unfroze nothing: " + String.join("; ", refusals) + ".");
        }
        if (remaining.isEmpty()) {
            mail.setState(Mail.GHOST);
        } else {
            mail.setRecipients(remaining);
        }
    }
}
