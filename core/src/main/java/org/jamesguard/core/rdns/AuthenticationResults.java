package org.jamesguard.core.rdns;

import java.util.Locale;

import org.jamesguard.core.Header;
import org.jamesguard.core.dns.IprevResult;
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
     * Whether a field's authserv-id (its first token, after any comments) is {@code host}, compared as
     * domain names are: case-insensitively, a final dot ignored.
     */
    public static boolean claims(String value, String host) {
        return authservId(value).equals(comparable(host));
    }

    private static String authservId(String value) {
        String rest = value.replace('\r', ' ').replace('\n', ' ').trim();
        while (rest.startsWith("(")) {
            int end = rest.indexOf(')');
            rest = end < 0 ? "" : rest.substring(end + 1).trim();
        }
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && ";(".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return comparable(rest.substring(0, end));
    }

    private static String comparable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
