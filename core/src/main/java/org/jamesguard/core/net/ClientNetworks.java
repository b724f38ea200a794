package org.jamesguard.core.net;

import java.net.InetAddress;

/**
 * The key every per-client counter and the dynamic screen use for a client address (SPEC H4): its network of
 * the configured prefix, IPv4 /32 and IPv6 /64 by default. One host commonly holds a whole IPv6 /64, so keying
 * on the address would give it unlimited guesses and unlimited state. The key is the network in CIDR form,
 * or the bare address for a full-length prefix ({@link Cidr#toString}).
 */
public final class ClientNetworks {
    public static final int DEFAULT_IPV4_PREFIX = 32;
    public static final int DEFAULT_IPV6_PREFIX = 64;
    /** Shorter prefixes would let one client's failures screen a provider's other customers. */
    public static final int MIN_IPV4_PREFIX = 16;
    public static final int MIN_IPV6_PREFIX = 32;

    public static final ClientNetworks DEFAULT = new ClientNetworks(DEFAULT_IPV4_PREFIX, DEFAULT_IPV6_PREFIX);

    private final int ipv4Prefix;
    private final int ipv6Prefix;

    private ClientNetworks(int ipv4Prefix, int ipv6Prefix) {
        this.ipv4Prefix = ipv4Prefix;
        this.ipv6Prefix = ipv6Prefix;
    }

    public static ClientNetworks of(int ipv4Prefix, int ipv6Prefix) {
        if (ipv4Prefix < MIN_IPV4_PREFIX || ipv4Prefix > 32) {
            throw new IllegalArgumentException("IPv4 prefix must be " + MIN_IPV4_PREFIX + " to 32, got " + ipv4Prefix);
        }
        if (ipv6Prefix < MIN_IPV6_PREFIX || ipv6Prefix > 128) {
            throw new IllegalArgumentException("IPv6 prefix must be " + MIN_IPV6_PREFIX + " to 128, got " + ipv6Prefix);
        }
        return new ClientNetworks(ipv4Prefix, ipv6Prefix);
    }

    /** {@code 192.0.2.7} or {@code 2001:db8:1:2::/64} (defaults): the client's key. */
    public String keyOf(InetAddress client) {
        InetAddress address = IpAddresses.normalize(client);
        return Cidr.of(address, IpAddresses.isIpv4(address) ? ipv4Prefix : ipv6Prefix).toString();
    }

    /** The key of an address in text ({@link IpAddresses#parse}). */
    public String keyOf(String address) {
        return keyOf(IpAddresses.parse(address));
    }

    public int ipv4Prefix() {
        return ipv4Prefix;
    }

    public int ipv6Prefix() {
        return ipv6Prefix;
    }
}
