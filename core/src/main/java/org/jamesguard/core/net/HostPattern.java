package org.jamesguard.core.net;

import java.util.Objects;

/** A host-list entry: {@code mail.example.com} (that host) or {@code *.example.com} (any host below it). */
public final class HostPattern {
    private final String domain;
    private final boolean subdomains;

    private HostPattern(String domain, boolean subdomains) {
        this.domain = domain;
        this.subdomains = subdomains;
    }

    public static HostPattern parse(String text) {
        String value = text.trim();
        boolean subdomains = value.startsWith("*.");
        String name = subdomains ? value.substring(2) : value;
        if (name.contains("*") || name.contains("@") || name.isEmpty()) {
            throw new IllegalArgumentException("expected a host name or *.domain, got '" + text + "'");
        }
        return new HostPattern(Domains.normalize(name), subdomains);
    }

    /** @param host a host name as received (HELO, PTR), normalized here */
    public boolean matches(String host) {
        String name;
        try {
            name = Domains.normalize(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return subdomains ? name.endsWith("." + domain) : name.equals(domain);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPattern && ((HostPattern) o).domain.equals(domain)
            && ((HostPattern) o).subdomains == subdomains;
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, subdomains);
    }

    @Override
    public String toString() {
        return (subdomains ? "*." : "") + domain;
    }
}
