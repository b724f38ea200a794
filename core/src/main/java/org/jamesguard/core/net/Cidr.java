package org.jamesguard.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/** An IPv4 or IPv6 network ({@code 10.0.0.0/8}, {@code fc00::/7}) or a single address. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.0/24}, {@code 2001:db8::/32}; host bits are cleared. */
    public static Cidr parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? value : value.substring(0, slash));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = value.substring(slash + 1);
            try {
                prefix = Integer.parseInt(prefixText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed CIDR '" + text + "': prefix '" + prefixText + "' is not a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("malformed CIDR '" + text + "': prefix must be 0 to " + bits);
            }
        }
        return new Cidr(mask(address.getAddress(), prefix), prefix);
    }

    public static Cidr of(InetAddress address, int prefix) {
        byte[] bytes = IpAddresses.normalize(address).getAddress();
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix must be 0 to " + bytes.length * 8 + ", got " + prefix);
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    public boolean contains(InetAddress candidate) {
        byte[] bytes = IpAddresses.normalize(candidate).getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    public int prefix() {
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xff << (8 - bitsHere));
        }
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr && ((Cidr) o).prefix == prefix && Arrays.equals(((Cidr) o).network, network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, Arrays.hashCode(network));
    }

    /** Parses back: {@code 10.0.0.0/8}, or the bare address for a full-length prefix. */
    @Override
    public String toString() {
        try {
            String address = IpAddresses.format(InetAddress.getByAddress(network));
            return prefix == network.length * 8 ? address : address + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
