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
        String name = domain.trim();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty domain");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid domain '" + domain + "': " + e.getMessage());
        }
        return ascii.toLowerCase(Locale.ROOT);
    }

    /** True when {@code name} is {@code parent} or below it. Both must be normalized. */
    public static boolean isSameOrSubdomain(String name, String parent) {
        return name.equals(parent) || name.endsWith("." + parent);
    }
}
