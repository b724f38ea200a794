package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.DomainLookup;

/**
 * SPEC B10: the MAIL FROM domain's MX hosts and addresses must include the client. Many legitimate
 * senders relay through hosts their domain does not name, so this warns by default.
 */
public final class MailDomainResolvesToClientCheck {
    public static final CheckId ID = CheckId.of("mail-domain-resolves-to-client");

    private MailDomainResolvesToClientCheck() {
    }

    public static Verdict check(InetAddress client, DomainLookup sender, LookupVerdicts verdicts) {
        return ResolvesToClient.check(ID, Replies.SENDER_DOMAIN_FORGED, client, sender, verdicts);
    }
}
