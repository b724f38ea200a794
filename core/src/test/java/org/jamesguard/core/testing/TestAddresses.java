package org.jamesguard.core.testing;

import java.net.Inet6Address;
import java.net.UnknownHostException;

import org.jamesguard.core.net.IpAddresses;

/** Addresses that parsing alone cannot produce, for testing normalization. */
public final class TestAddresses {
    private TestAddresses() {
    }

    /**
     * {@code ::ffff:<ipv4>} kept as an {@link Inet6Address}: {@code InetAddress.getByAddress} and
     * {@link IpAddresses#parse} would turn it into IPv4 at once.
     */
    public static Inet6Address ipv4Mapped(String ipv4) {
        byte[] v4 = IpAddresses.parse(ipv4).getAddress();
        if (v4.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + ipv4 + "'");
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        try {
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
