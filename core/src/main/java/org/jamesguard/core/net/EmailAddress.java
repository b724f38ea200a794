package org.jamesguard.core.net;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox {@code local@domain} as an envelope carries it. The domain is normalized
 * ({@link Domains#normalize}); the local part is kept as written, and comparisons say whether its
 * case matters.
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
        String local = value.substring(0, at);
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("control character or space in local part of '" + address + "'");
            }
        }
        return new EmailAddress(local, Domains.normalize(value.substring(at + 1)));
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
