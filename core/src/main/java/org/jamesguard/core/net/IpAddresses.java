package org.jamesguard.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import com.google.common.net.InetAddresses;

/** IP literal parsing and formatting without any DNS query. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** Parses an IPv4 or IPv6 literal ({@code [::1]} brackets allowed); never resolves a name. */
    public static InetAddress parse(String text) {
        String literal = text.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!InetAddresses.isInetAddress(literal)) {
            throw new IllegalArgumentException("not an IP address: '" + text + "'");
        }
        return normalize(InetAddresses.forString(literal));
    }

    public static boolean isLiteral(String text) {
        String literal = text.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        return InetAddresses.isInetAddress(literal);
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) becomes the IPv4 address it carries. */
    public static InetAddress normalize(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    /** The canonical text form: {@code 192.0.2.1}, {@code 2001:db8::1}. */
    public static String format(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }

    public static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }
}
