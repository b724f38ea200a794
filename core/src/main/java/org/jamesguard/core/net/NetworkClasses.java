package org.jamesguard.core.net;

import java.net.InetAddress;

/**
 * Where a client IP sits, as SPEC defines it:
 * <ul>
 * <li><b>reserved</b>: 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10, ::1, fc00::/7, fec0::/10, fe80::/10;</li>
 * <li><b>local</b>: the server's own addresses (detected, plus those configured);</li>
 * <li><b>LAN</b>: the configured LAN ranges (default: the private ranges).</li>
 * </ul>
 */
public final class NetworkClasses {
    public static final IpMatcher RESERVED = IpMatcher.parse("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12",
        "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "::1", "fc00::/7", "fec0::/10", "fe80::/10");
    public static final IpMatcher PRIVATE_RANGES = IpMatcher.parse("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
        "fc00::/7");

    private final IpMatcher serverAddresses;
    private final IpMatcher lan;

    public NetworkClasses(IpMatcher serverAddresses, IpMatcher lan) {
        this.serverAddresses = serverAddresses;
        this.lan = lan;
    }

    public boolean isReserved(InetAddress ip) {
        return RESERVED.matches(ip);
    }

    /** One of the server's own addresses. */
    public boolean isServerAddress(InetAddress ip) {
        return serverAddresses.matches(ip);
    }

    public boolean isLan(InetAddress ip) {
        return lan.matches(ip);
    }

    /** "Local IPs" of SPEC A4: the server's own addresses and the LAN ranges. */
    public boolean isLocal(InetAddress ip) {
        return isServerAddress(ip) || isLan(ip);
    }

    public IpMatcher serverAddresses() {
        return serverAddresses;
    }

    public IpMatcher lan() {
        return lan;
    }
}
