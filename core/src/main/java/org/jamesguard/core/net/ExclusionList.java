package org.jamesguard.core.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An exclusion list as SPEC defines it: exact addresses, {@code *@domain}, {@code *@*.domain}, IPs, CIDRs,
 * host names and {@code *.domain} host wildcards, "whichever applies to the list": each list says which
 * kinds of entries it accepts, and an entry of another kind is a configuration error.
 */
public final class ExclusionList {
    public enum Kind {
        IP("IPs and CIDRs"),
        HOST("host names and *.domain"),
        ADDRESS("addresses, *@domain and *@*.domain");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    public static final ExclusionList EMPTY = new ExclusionList(IpMatcher.NONE, List.of(), List.of(), false);

    private final IpMatcher ips;
    private final List<HostPattern> hosts;
    private final List<AddressPattern> addresses;
    private final boolean caseSensitiveLocalParts;

    private ExclusionList(IpMatcher ips, List<HostPattern> hosts, List<AddressPattern> addresses,
                          boolean caseSensitiveLocalParts) {
        this.ips = ips;
        this.hosts = hosts;
        this.addresses = addresses;
        this.caseSensitiveLocalParts = caseSensitiveLocalParts;
    }

    public static ExclusionList parse(List<String> entries, Set<Kind> allowed) {
        return parse(entries, allowed, false);
    }

    public static ExclusionList parse(List<String> entries, Set<Kind> allowed, boolean caseSensitiveLocalParts) {
        List<Cidr> ips = new ArrayList<>();
        List<HostPattern> hosts = new ArrayList<>();
        List<AddressPattern> addresses = new ArrayList<>();
        for (String entry : entries) {
            Kind kind = kindOf(entry);
            if (!allowed.contains(kind)) {
                throw new IllegalArgumentException("'" + entry + "' is not allowed here: this list takes "
                    + allowed.stream().map(k -> k.description).collect(Collectors.joining("; ")));
            }
            switch (kind) {
                case IP:
                    ips.add(Cidr.parse(entry));
                    break;
                case HOST:
                    hosts.add(HostPattern.parse(entry));
                    break;
                default:
                    addresses.add(AddressPattern.parse(entry));
            }
        }
        return new ExclusionList(IpMatcher.of(ips), List.copyOf(hosts), List.copyOf(addresses), caseSensitiveLocalParts);
    }

    public static Set<Kind> kinds(Kind first, Kind... rest) {
        return EnumSet.of(first, rest);
    }

    private static Kind kindOf(String entry) {
        if (entry.contains("@")) {
            return Kind.ADDRESS;
        }
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        if (IpAddresses.isLiteral(address) || entry.contains(":") || address.matches("[0-9.]+")) {
            return Kind.IP;
        }
        return Kind.HOST;
    }

    public boolean matchesIp(InetAddress address) {
        return ips.matches(address);
    }

    public boolean matchesHost(String host) {
        return hosts.stream().anyMatch(pattern -> pattern.matches(host));
    }

    public boolean matchesHost(Optional<String> host) {
        return host.map(this::matchesHost).orElse(false);
    }

    public boolean matchesAddress(EmailAddress address) {
        return addresses.stream().anyMatch(pattern -> pattern.matches(address, caseSensitiveLocalParts));
    }

    public boolean isEmpty() {
        return ips.isEmpty() && hosts.isEmpty() && addresses.isEmpty();
    }

    public List<String> entries() {
        return Stream.of(ips.networks().stream(), hosts.stream(), addresses.stream())
            .flatMap(s -> s.map(Object::toString))
            .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExclusionList)) {
            return false;
        }
        ExclusionList that = (ExclusionList) o;
        return caseSensitiveLocalParts == that.caseSensitiveLocalParts && ips.equals(that.ips)
            && hosts.equals(that.hosts) && addresses.equals(that.addresses);
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }

    @Override
    public String toString() {
        return entries().toString();
    }
}
