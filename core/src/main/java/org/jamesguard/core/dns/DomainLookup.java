package org.jamesguard.core.dns;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jamesguard.core.net.IpAddresses;

/**
 * What DNS says about a HELO or MAIL FROM domain: whether it exists and takes mail, and the
 * addresses it and its MX hosts resolve to, so a check can ask whether the client is one of them.
 * Addresses found are kept whatever the status: a client found among them is found even when
 * another lookup of the same check failed.
 */
public final class DomainLookup {
    public enum Status {
        /** A, AAAA or MX records. */
        FOUND,
        /** The domain does not exist, or is not a valid domain name (no query is made then). */
        NXDOMAIN,
        /** The domain exists but has no A, AAAA or MX record. */
        NODATA,
        /** RFC 7505: the single MX record {@code 0 .}, the domain takes no mail. */
        NULL_MX,
        /** A lookup timed out or failed on the server's side, so the addresses may be incomplete. */
        TEMPERROR;

        /** {@code found}, {@code nxdomain}, {@code nodata}, {@code null-mx} or {@code temperror}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String domain;
    private final Status status;
    private final Set<InetAddress> addresses;
    private final boolean hasMx;
    private final boolean limited;
    private final String detail;

    private DomainLookup(Builder b) {
        this.domain = Objects.requireNonNull(b.domain, "domain");
        this.status = Objects.requireNonNull(b.status, "status");
        Set<InetAddress> normalized = new LinkedHashSet<>();
        b.addresses.forEach(address -> normalized.add(IpAddresses.normalize(address)));
        this.addresses = Collections.unmodifiableSet(normalized);
        this.hasMx = b.hasMx;
        this.limited = b.limited;
        this.detail = Objects.requireNonNull(b.detail, "detail");
    }

    /** An answer with nothing found yet: no address, no MX, not limited, no detail. */
    public static Builder builder(String domain, Status status) {
        return new Builder(domain, status);
    }

    /** A domain that DNS was not asked about, because it is not a valid domain name. */
    public static DomainLookup invalid(String domain, String detail) {
        return builder(domain, Status.NXDOMAIN).detail(detail).build();
    }

    /** A lookup that failed, timed out or was not made, with nothing found. */
    public static DomainLookup temperror(String domain, String detail) {
        return builder(domain, Status.TEMPERROR).detail(detail).build();
    }

    /** Lower case A-labels without the final dot, or the text given when it is not a valid name. */
    public String domain() {
        return domain;
    }

    public Status status() {
        return status;
    }

    /** The domain's A and AAAA addresses, then those of its MX hosts in preference order. */
    public Set<InetAddress> addresses() {
        return addresses;
    }

    public boolean containsAddress(InetAddress ip) {
        return addresses.contains(IpAddresses.normalize(ip));
    }

    /** MX records other than a null MX. */
    public boolean hasMx() {
        return hasMx;
    }

    /**
     * The per-check query cap stopped some MX host lookups. A client missing from {@link #addresses()}
     * may then be one of the hosts not looked up: that proves nothing either way.
     */
    public boolean limited() {
        return limited;
    }

    /** What decided the status, for logs and warning headers; empty when there is nothing to add. */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DomainLookup)) {
            return false;
        }
        DomainLookup that = (DomainLookup) o;
        return domain.equals(that.domain) && status == that.status && addresses.equals(that.addresses)
            && hasMx == that.hasMx && limited == that.limited && detail.equals(that.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, status, addresses, hasMx, limited, detail);
    }

    /** {@code example.com: found mx=true addresses=[192.0.2.1, 2001:db8::1]}, then the detail in parentheses. */
    @Override
    public String toString() {
        String text = domain + ": " + status.keyword() + " mx=" + hasMx + " addresses="
            + addresses.stream().map(IpAddresses::format).collect(Collectors.joining(", ", "[", "]"))
            + (limited ? " limited" : "");
        return detail.isEmpty() ? text : text + " (" + detail + ")";
    }

    public static final class Builder {
        private final String domain;
        private final Status status;
        private Collection<InetAddress> addresses = List.of();
        private boolean hasMx;
        private boolean limited;
        private String detail = "";

        private Builder(String domain, Status status) {
            this.domain = domain;
            this.status = status;
        }

        /** Kept in the order given, IPv4-mapped ones as IPv4. */
        public Builder addresses(Collection<InetAddress> value) {
            this.addresses = value;
            return this;
        }

        public Builder hasMx(boolean value) {
            this.hasMx = value;
            return this;
        }

        public Builder limited(boolean value) {
            this.limited = value;
            return this;
        }

        public Builder detail(String value) {
            this.detail = value;
            return this;
        }

        public DomainLookup build() {
            return new DomainLookup(this);
        }
    }
}
