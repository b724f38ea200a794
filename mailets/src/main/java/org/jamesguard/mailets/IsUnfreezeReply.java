package org.jamesguard.mailets;

import java.util.Collection;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.jamesguard.core.hijack.UnfreezeTokens;

/**
 * Matches the recipients that are unfreeze token addresses of a local domain: replies to a freeze
 * notice. Put it, with {@link UnfreezeByReply}, in the root processor, before mail is routed.
 */
public class IsUnfreezeReply extends GenericMatcher {
    @Override
    public Collection<MailAddress> match(Mail mail) {
        return mail.getRecipients().stream()
            .filter(recipient -> UnfreezeTokens.looksLikeToken(recipient.getLocalPart()))
            .filter(recipient -> getMailetContext().isLocalServer(recipient.getDomain()))
            .collect(Collectors.toList());
    }
}
