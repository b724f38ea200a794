package org.jamesguard.core.hijack;

import java.net.InetAddress;
import java.util.Locale;

import org.jamesguard.core.net.NetworkClasses;

/**
 * Which limit a client IP falls under (C1–C4). The server's own addresses, and the LAN when C3 says so,
 * are local; other reserved addresses are reserved; the rest is other. Local comes first because the
 * LAN ranges are reserved ranges too.
 */
public enum IpClass {
    LOCAL, RESERVED, OTHER;

    public static IpClass of(InetAddress ip, NetworkClasses network, boolean localIncludesLan) {
        if (network.isServerAddress(ip) || localIncludesLan && network.isLan(ip)) {
            return LOCAL;
        }
        return network.isReserved(ip) ? RESERVED : OTHER;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    HijackConfig.Limit limit(HijackConfig config) {
        switch (this) {
            case LOCAL:
                return config.local;
            case RESERVED:
                return config.reserved;
            default:
                return config.other;
        }
    }
}
