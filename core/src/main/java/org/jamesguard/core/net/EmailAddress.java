package org.jamesguard.core.net;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox {@code local@domain} as an envelope carries it. The domain is normalized
 * ({@link Domains#normalize}); the local part is kept as written, except that needless quotes are
 * removed, and comparisons say whether its case matters.
 */
public final class EmailAddress {
    private final String localPart;
    private final String domain;

    private EmailAddress(String localPart, String domain) {
        this.localPart = localPart;
        this.domain = domain;
    }

    public static EmailAddress parse(String address) {
        String value = address.trim();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new IllegalArgumentException("not an address of the form local@domain: '" + address + "'");
        }
        String local = canonicalLocalPart(value.substring(0, at));
        boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ' && !quoted) {
                throw new IllegalArgumentException("control character or space in local part of '" + address + "'");
            }
        }
        return new EmailAddress(local, Domains.normalize(value.substring(at + 1)));
    }

    /**
     * A quoted local part whose content is a dot-atom names the same mailbox as the dot-atom (RFC 5321
     * section 4.1.2), so {@code "alice"@d} and {@code "al\ice"@d} become {@code alice@d}: kept quoted, they
     * would be no account of James's and pass every check that asks "is this one of ours?".
     */
    private static String canonicalLocalPart(String local) {
        if (local.length() < 2 || !local.startsWith("\"") || !local.endsWith("\"")) {
            return local;
        }
        StringBuilder content = new StringBuilder(local.length());
        for (int i = 1; i < local.length() - 1; i++) {
            char c = local.charAt(i);
            if (c == '\\' && i + 1 < local.length() - 1) {
                c = local.charAt(++i);
            }
            content.append(c);
        }
        return isDotAtom(content) ? content.toString() : local;
    }

    private static boolean isDotAtom(CharSequence text) {
        if (text.length() == 0 || text.charAt(0) == '.' || text.charAt(text.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean dot = c == '.';
            if (dot && text.charAt(i - 1) == '.' || !dot && !isAtext(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5322 atext, and RFC 6532's UTF-8 beyond ASCII. */
    private static boolean isAtext(char c) {
        return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
            || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }

    public static Optional<EmailAddress> tryParse(String address) {
        try {
            return Optional.of(parse(address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static EmailAddress of(String localPart, String domain) {
        return parse(localPart + "@" + domain);
    }

    public String localPart() {
        return localPart;
    }

    public String domain() {
        return domain;
    }

    /** The same mailbox: domains always compared case-insensitively, local parts as asked. */
    public boolean sameMailbox(EmailAddress other, boolean caseSensitiveLocalPart) {
        return domain.equals(other.domain)
            && (caseSensitiveLocalPart ? localPart.equals(other.localPart) : localPart.equalsIgnoreCase(other.localPart));
    }

    /** Lower-cased form, a key for per-account state. */
    public String canonical() {
        return localPart.toLowerCase(Locale.ROOT) + "@" + domain;
    }

    public String asString() {
        return localPart + "@" + domain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress && ((EmailAddress) o).localPart.equals(localPart)
            && ((EmailAddress) o).domain.equals(domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(localPart, domain);
    }

    @Override
    public String toString() {
        return asString();
    }
}
