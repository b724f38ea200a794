package org.jamesguard.core.net;

import java.net.IDN;
import java.util.Locale;

/** Domain names compared the way DNS compares them: A-labels, lower case, no trailing dot. */
public final class Domains {
    private Domains() {
    }

    /**
     * The comparable form of a domain: a Unicode name becomes its A-label ({@code bücher.example} →
     * {@code xn--bcher-kva.example}), so a look-alike written in Unicode never equals the ASCII name.
     */
    public static String normalize(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain.trim(), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid domain '" + domain + "': " + e.getMessage());
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty()) {
            throw new IllegalArgumentException("empty domain");
        }
        return ascii.toLowerCase(Locale.ROOT);
    }

    /** True when {@code name} is {@code parent} or below it. Both must be normalized. */
    public static boolean isSameOrSubdomain(String name, String parent) {
        return name.equals(parent) || name.endsWith("." + parent);
    }
}
