package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.DomainLookup;

/**
 * SPEC B8: the HELO domain must exist. Unlike a mismatch, a name that does not exist at all is no
 * mail server's name; the reply is temporary by default, in case the client's zone is being fixed.
 */
public final class HeloDomainExistsCheck {
    public static final CheckId ID = CheckId.of("helo-domain-exists");

    private HeloDomainExistsCheck() {
    }

    public static Verdict check(InetAddress client, DomainLookup helo, NotFoundRule rule, LookupVerdicts verdicts) {
        return DomainExists.check(ID, client, helo, rule, verdicts);
    }
}
