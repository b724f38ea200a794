package org.jamesguard.core.rdns;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.net.IpAddresses;

/**
 * A HELO argument that names an address instead of a host: {@code [192.0.2.1]} or
 * {@code [IPv6:2001:db8::1]} (RFC 5321 section 4.1.3), and the bare {@code 192.0.2.1} many clients send.
 * Its "lookup" needs no DNS: the literal is the one address it resolves to.
 */
final class AddressLiteral {
    private static final String IPV6_TAG = "ipv6:";

    private AddressLiteral() {
    }

    static boolean is(String helo) {
        return helo.startsWith("[") || IpAddresses.isLiteral(helo);
    }

    /** FOUND with the literal's address, or NXDOMAIN when the brackets hold no address. */
    static DomainLookup lookup(String helo) {
        String inside = helo.startsWith("[") && helo.endsWith("]") ? helo.substring(1, helo.length() - 1) : helo;
        if (inside.toLowerCase(Locale.ROOT).startsWith(IPV6_TAG)) {
            inside = inside.substring(IPV6_TAG.length());
        }
        if (!IpAddresses.isLiteral(inside)) {
            return DomainLookup.invalid(helo, "not an address literal");
        }
        return DomainLookup.builder(helo, DomainLookup.Status.FOUND).addresses(Set.of(IpAddresses.parse(inside)))
            .detail("address literal").build();
    }
}
