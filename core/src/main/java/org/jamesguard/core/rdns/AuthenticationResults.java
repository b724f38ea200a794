package org.jamesguard.core.rdns;

import java.util.Locale;

import org.jamesguard.core.Header;
import org.jamesguard.core.dns.IprevResult;
import org.jamesguard.core.net.Domains;
import org.jamesguard.core.net.IpAddresses;

/**
 * The RFC 8601 {@code Authentication-Results} field for B1, and the test that tells whether a field
 * received with a message claims to be ours: filters downstream trust fields bearing our authserv-id,
 * so a client must not be able to plant one (RFC 8601 section 5).
 */
public final class AuthenticationResults {
    public static final String NAME = "Authentication-Results";

    private AuthenticationResults() {
    }

    /** {@code <host>; iprev=pass policy.iprev=192.0.2.1}. */
    public static Header iprev(String host, IprevResult iprev) {
        return Header.of(NAME, host + "; iprev=" + iprev.status().keyword() + " policy.iprev=" + IpAddresses.format(iprev.ip()));
    }

    /**
     * Whether a field received with a message must go: its authserv-id ({@link AuthservId}) is {@code host},
     * compared as domain names are (case-insensitively, Unicode as A-labels, a final dot ignored), or it has
     * no readable authserv-id at all. A reader more lenient than RFC 8601 could take such a field for ours,
     * and no reader can take it for anyone else's.
     */
    public static boolean claims(String value, String host) {
        return AuthservId.of(value).map(id -> comparable(id).equals(comparable(host))).orElse(true);
    }

    private static String comparable(String name) {
        try {
            return Domains.normalize(name);
        } catch (IllegalArgumentException notADomain) {
            return name.toLowerCase(Locale.ROOT); // no host name normalizes to it
        }
    }
}
