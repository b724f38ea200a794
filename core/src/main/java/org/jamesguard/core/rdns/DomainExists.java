package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.DomainLookup;

/** What B8 (HELO domain) and B12 (MAIL FROM domain) share: NXDOMAIN refuses with the configured reply. */
final class DomainExists {
    private DomainExists() {
    }

    static Verdict check(CheckId id, InetAddress client, DomainLookup domain, NotFoundRule rule, LookupVerdicts verdicts) {
        switch (domain.status()) {
            case NXDOMAIN:
                Verdict refusal = verdicts.failed(id, rule.reply(), client, domain.domain() + ": " + domain.detail());
                return rule.closes() ? refusal.andClose() : refusal;
            case TEMPERROR:
                return found(domain) ? Verdict.pass(id) : verdicts.temporary(id, client, domain.domain() + ": " + domain.detail());
            default:
                return Verdict.pass(id);
        }
    }

    /** Records found prove the domain exists, whichever other lookup failed. */
    private static boolean found(DomainLookup domain) {
        return !domain.addresses().isEmpty() || domain.hasMx();
    }
}
