package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Reply;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.net.IpAddresses;

/** What B6 (HELO name) and B10 (MAIL FROM domain) share: the client must be among the domain's addresses. */
final class ResolvesToClient {
    private ResolvesToClient() {
    }

    /**
     * A client found passes whatever else failed. When the query cap left MX hosts unasked, a client not
     * found proves nothing, so it passes too; a timeout or SERVFAIL is a temporary error.
     */
    static Verdict check(CheckId id, Reply reply, InetAddress client, DomainLookup domain, LookupVerdicts verdicts) {
        if (domain.containsAddress(client) || domain.limited()) {
            return Verdict.pass(id);
        }
        if (domain.status() == DomainLookup.Status.TEMPERROR) {
            return verdicts.temporary(id, client, domain.domain() + ": " + domain.detail());
        }
        String detail = domain.domain() + " does not resolve to " + IpAddresses.format(client)
            + (domain.detail().isEmpty() ? "" : " (" + domain.detail() + ")");
        return verdicts.failed(id, reply, client, detail).andClose();
    }
}
