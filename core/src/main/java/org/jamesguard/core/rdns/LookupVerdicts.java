package org.jamesguard.core.rdns;

import java.net.InetAddress;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Header;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Reply;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.net.IpAddresses;

/**
 * The verdicts of the reverse-lookup checks. Each failure carries its warning header,
 * {@code X-Guard-Reverse-Lookup: <check>=fail|temperror; ip=<ip>; detail="..."} (the name is
 * configurable), which is what the message gets when the check does not enforce. A temporary DNS
 * failure is always {@code 451 4.4.3}: temporary never becomes permanent.
 */
public final class LookupVerdicts {
    private final String headerName;

    LookupVerdicts(String headerName) {
        this.headerName = headerName;
    }

    /** The check failed for good: {@code reply} when enforcing, the warning header otherwise. */
    Verdict failed(CheckId check, Reply reply, InetAddress ip, String detail) {
        return Verdict.reject(check, reply).withHeader(header(check, "fail", ip, detail)).withDetail(detail);
    }

    /** A timeout or SERVFAIL left the check undecided. */
    Verdict temporary(CheckId check, InetAddress ip, String detail) {
        return Verdict.tempfail(check, Replies.DNS_TEMPFAIL).withHeader(header(check, "temperror", ip, detail))
            .withDetail(detail);
    }

    String headerName() {
        return headerName;
    }

    private Header header(CheckId check, String result, InetAddress ip, String detail) {
        return Header.of(headerName, check.name() + "=" + result + "; ip=" + IpAddresses.format(ip)
            + "; detail=" + Header.quote(detail));
    }
}
