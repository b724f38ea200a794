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
        String trimmed = domain.trim();
        if (isPlainHostName(trimmed)) {
            String name = trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            return name.toLowerCase(Locale.ROOT);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(trimmed, IDN.USE_STD3_ASCII_RULES);
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

    /**
     * Labels of 1 to 63 letters, digits and inner hyphens, and an optional final dot: names IDN.toASCII returns
     * unchanged. Every SMTP command's addresses are normalized, and IDN's work costs more than our checks.
     */
    private static boolean isPlainHostName(String name) {
        int labelStart = 0;
        int end = name.endsWith(".") ? name.length() - 1 : name.length();
        for (int i = 0; i <= end; i++) {
            char c = i < end ? name.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length < 1 || length > 63 || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code name} is {@code parent} or below it. Both must be normalized. */
    public static boolean isSameOrSubdomain(String name, String parent) {
        return name.equals(parent) || name.endsWith("." + parent);
    }
}
