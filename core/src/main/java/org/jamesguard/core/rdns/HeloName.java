package org.jamesguard.core.rdns;

import org.jamesguard.core.net.Domains;

/**
 * SPEC H3: whether a HELO argument that is no address literal could name the client at all. RFC 5321
 * section 4.1.1.1 asks for the client's fully qualified domain name; a name without a dot
 * ({@code localhost}, {@code laptop}) or with an invalid label cannot resolve to any client on the
 * Internet, so its checks are decided without asking DNS, as Postfix's {@code reject_non_fqdn_helo_hostname}
 * and Stalwart's {@code rejectNonFqdn} do.
 */
final class HeloName {
    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private HeloName() {
    }

    /**
     * RFC 5321's {@code Domain}: labels of letters, digits and inner hyphens, at least two of them, the last
     * not all digits (RFC 3696 section 2), 253 octets at most, a final dot allowed. A Unicode name is judged
     * by its A-labels. Underscores (some Windows host names) are not allowed: the resolver refuses such
     * names too ({@link Domains#normalize}).
     */
    static boolean isFullyQualified(String helo) {
        if (helo.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            return false; // white space or a control character, which normalizing would trim away
        }
        String name;
        try {
            name = Domains.normalize(helo);
        } catch (IllegalArgumentException notADomain) {
            return false;
        }
        if (name.length() > MAX_LENGTH || name.indexOf('.') < 0) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        return label.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-');
    }
}
