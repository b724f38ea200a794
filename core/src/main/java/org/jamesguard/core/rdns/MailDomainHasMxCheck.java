package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.DomainLookup;

/**
 * SPEC B11: the MAIL FROM domain must have an MX record, so that replies and bounces can reach it. Off
 * by default: a domain with only an address record is valid mail routing (RFC 5321 section 5.1). A
 * null MX (RFC 7505) says the domain takes no mail at all, hence sends none worth accepting. A
 * domain that does not exist is B12's concern.
 */
public final class MailDomainHasMxCheck {
    public static final CheckId ID = CheckId.of("mail-domain-has-mx");

    private MailDomainHasMxCheck() {
    }

    public static Verdict check(InetAddress client, DomainLookup sender, LookupVerdicts verdicts) {
        switch (sender.status()) {
            case NULL_MX:
                return verdicts.failed(ID, Replies.SENDER_DOMAIN_NULL_MX, client, sender.domain() + ": " + sender.detail());
            case FOUND:
            case NODATA:
                return sender.hasMx() ? Verdict.pass(ID)
                    : verdicts.failed(ID, Replies.SENDER_DOMAIN_NO_MX, client, sender.domain() + " has no MX record");
            case TEMPERROR:
                return sender.hasMx() ? Verdict.pass(ID)
                    : verdicts.temporary(ID, client, sender.domain() + ": " + sender.detail());
            default:
                return Verdict.pass(ID);
        }
    }
}
