package org.jamesguard.core.net;

import java.util.Locale;
import java.util.Objects;

/**
 * An address-list entry: {@code user@example.com} (exact), {@code *@example.com} (any address in the
 * domain) or {@code *@*.example.com} (any address in any subdomain). Domains compare case-insensitively;
 * local parts too unless the list says otherwise.
 */
public final class AddressPattern {
    private final String localPart;
    private final String domain;
    private final boolean subdomains;

    private AddressPattern(String localPart, String domain, boolean subdomains) {
        this.localPart = localPart;
        this.domain = domain;
        this.subdomains = subdomains;
    }

    public static AddressPattern parse(String text) {
        String value = text.trim();
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new IllegalArgumentException("expected user@domain, *@domain or *@*.domain, got '" + text + "'");
        }
        String local = value.substring(0, at);
        String domainPart = value.substring(at + 1);
        boolean subdomains = domainPart.startsWith("*.");
        if (subdomains) {
            domainPart = domainPart.substring(2);
        }
        if (domainPart.contains("*") || (local.contains("*") && !local.equals("*"))) {
            throw new IllegalArgumentException("expected user@domain, *@domain or *@*.domain, got '" + text + "'");
        }
        return new AddressPattern(local.equals("*") ? null : local, Domains.normalize(domainPart), subdomains);
    }

    public boolean matches(EmailAddress address, boolean caseSensitiveLocalPart) {
        boolean domainMatches = subdomains
            ? address.domain().endsWith("." + domain)
            : address.domain().equals(domain);
        if (!domainMatches) {
            return false;
        }
        if (localPart == null) {
            return true;
        }
        return caseSensitiveLocalPart ? localPart.equals(address.localPart())
            : localPart.toLowerCase(Locale.ROOT).equals(address.localPart().toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AddressPattern)) {
            return false;
        }
        AddressPattern that = (AddressPattern) o;
        return subdomains == that.subdomains && Objects.equals(localPart, that.localPart) && domain.equals(that.domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(localPart, domain, subdomains);
    }

    @Override
    public String toString() {
        return (localPart == null ? "*" : localPart) + "@" + (subdomains ? "*." : "") + domain;
    }
}
