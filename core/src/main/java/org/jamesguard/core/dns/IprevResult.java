package org.jamesguard.core.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jamesguard.core.net.IpAddresses;

/**
 * The RFC 8601 iprev result for a client IP: whether one of its PTR names resolves back to it.
 * {@link #toString()} is the Authentication-Results fragment, e.g.
 * {@code iprev=pass policy.iprev=192.0.2.1 (mail.example.com)}.
 */
public final class IprevResult {
    public enum Status {
        /** A PTR name resolves back to the IP. */
        PASS,
        /** PTR names exist, none of those tried resolves back to the IP. */
        FAIL,
        /** A lookup that decided the result timed out or failed on the server's side. */
        TEMPERROR,
        /** No PTR record: NXDOMAIN or NODATA. */
        PERMERROR;

        /** The RFC 8601 result keyword: {@code pass}, {@code fail}, {@code temperror}, {@code permerror}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Status status;
    private final InetAddress ip;
    private final List<String> ptrNames;
    private final String detail;

    private IprevResult(Status status, InetAddress ip, List<String> ptrNames, String detail) {
        this.status = status;
        this.ip = IpAddresses.normalize(Objects.requireNonNull(ip, "ip"));
        this.ptrNames = List.copyOf(ptrNames);
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public static IprevResult pass(InetAddress ip, String confirmedName, List<String> ptrNames) {
        return new IprevResult(Status.PASS, ip, ptrNames, Objects.requireNonNull(confirmedName, "confirmedName"));
    }

    public static IprevResult fail(InetAddress ip, List<String> ptrNames, String detail) {
        return new IprevResult(Status.FAIL, ip, ptrNames, detail);
    }

    public static IprevResult temperror(InetAddress ip, List<String> ptrNames, String detail) {
        return new IprevResult(Status.TEMPERROR, ip, ptrNames, detail);
    }

    public static IprevResult permerror(InetAddress ip, String detail) {
        return new IprevResult(Status.PERMERROR, ip, List.of(), detail);
    }

    public Status status() {
        return status;
    }

    public InetAddress ip() {
        return ip;
    }

    /** The PTR names tried, at most {@link DnsConfig#maxPtrNames()}, lower case without the final dot. */
    public List<String> ptrNames() {
        return ptrNames;
    }

    /** What decided the status, for logs and warning headers; the confirmed name for a pass. */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IprevResult)) {
            return false;
        }
        IprevResult that = (IprevResult) o;
        return status == that.status && ip.equals(that.ip) && ptrNames.equals(that.ptrNames)
            && detail.equals(that.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, ip, ptrNames, detail);
    }

    @Override
    public String toString() {
        return "iprev=" + status.keyword() + " policy.iprev=" + IpAddresses.format(ip) + " (" + detail + ")";
    }
}
