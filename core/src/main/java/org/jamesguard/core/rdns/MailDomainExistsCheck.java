package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.DomainLookup;

/**
 * SPEC B12: the MAIL FROM domain must exist, or nothing could ever be sent back to it. The reply is
 * temporary by default, in case the sender's zone is being fixed.
 */
public final class MailDomainExistsCheck {
    public static final CheckId ID = CheckId.of("mail-domain-exists");

    private MailDomainExistsCheck() {
    }

    public static Verdict check(InetAddress client, DomainLookup sender, NotFoundRule rule, LookupVerdicts verdicts) {
        return DomainExists.check(ID, client, sender, rule, verdicts);
    }
}
