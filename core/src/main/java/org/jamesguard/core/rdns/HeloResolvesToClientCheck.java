package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.DomainLookup;

/**
 * SPEC B6/B7: the HELO name must resolve to the client (its A, AAAA or MX hosts' addresses), and an
 * address literal must be the client's address. A client that names a host it is not forges its
 * identity. RFC 5321 section 4.1.4 forbids refusing for this alone, so enforcing is opt-in.
 */
public final class HeloResolvesToClientCheck {
    public static final CheckId ID = CheckId.of("helo-resolves-to-client");

    private HeloResolvesToClientCheck() {
    }

    public static Verdict check(InetAddress client, DomainLookup helo, LookupVerdicts verdicts) {
        return ResolvesToClient.check(ID, Replies.HELO_FORGED, client, helo, verdicts);
    }
}
