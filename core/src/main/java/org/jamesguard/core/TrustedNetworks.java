package org.jamesguard.core;

import java.net.InetAddress;

import org.jamesguard.core.net.IpMatcher;

/**
 * The configured trusted IPs plus 127.0.0.1 and ::1, which are always trusted. James's own
 * {@code authorizedAddresses} are per listener, so adapters add them when they build a snapshot.
 */
public final class TrustedNetworks {
    private static final IpMatcher ALWAYS = IpMatcher.parse("127.0.0.1", "::1");

    private final IpMatcher configured;

    public TrustedNetworks(IpMatcher configured) {
        this.configured = configured;
    }

    public boolean isTrusted(InetAddress address) {
        return ALWAYS.matches(address) || configured.matches(address);
    }

    public IpMatcher configured() {
        return configured;
    }
}
