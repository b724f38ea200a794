package org.jamesguard.core.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A list of networks; matches an address inside any of them. */
public final class IpMatcher {
    public static final IpMatcher NONE = new IpMatcher(List.of());

    private final List<Cidr> networks;

    private IpMatcher(List<Cidr> networks) {
        this.networks = networks;
    }

    public static IpMatcher of(Collection<Cidr> networks) {
        return new IpMatcher(List.copyOf(networks));
    }

    public static IpMatcher parse(String... cidrs) {
        return new IpMatcher(Arrays.stream(cidrs).map(Cidr::parse).collect(Collectors.toUnmodifiableList()));
    }

    public IpMatcher plus(IpMatcher other) {
        return new IpMatcher(Stream.concat(networks.stream(), other.networks.stream())
            .distinct().collect(Collectors.toUnmodifiableList()));
    }

    public boolean matches(InetAddress address) {
        for (Cidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    public List<Cidr> networks() {
        return networks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpMatcher && ((IpMatcher) o).networks.equals(networks);
    }

    @Override
    public int hashCode() {
        return networks.hashCode();
    }

    @Override
    public String toString() {
        return networks.stream().map(Cidr::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
