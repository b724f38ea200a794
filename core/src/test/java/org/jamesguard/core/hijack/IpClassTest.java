package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.testing.TestAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * C1–C4: which limit a client IP falls under. The server's addresses are 203.0.113.10, 10.0.0.25 and
 * 2001:db8::25; the LAN is the default private ranges.
 */
class IpClassTest {
    private static final NetworkClasses NETWORK = new NetworkClasses(IpMatcher.parse("203.0.113.10", "10.0.0.25", "2001:db8::25"),
        NetworkClasses.PRIVATE_RANGES);

    @ParameterizedTest(name = "{0}, LAN counted as local: {1} -> {2}")
    @CsvSource({
        "203.0.113.10,    true,  LOCAL",
        "203.0.113.10,    false, LOCAL",
        "2001:db8::25,    false, LOCAL",
        "10.0.0.25,       false, LOCAL",
        "192.168.1.5,     true,  LOCAL",
        "192.168.1.5,     false, RESERVED",
        "10.1.2.3,        true,  LOCAL",
        "10.1.2.3,        false, RESERVED",
        "172.16.0.1,      true,  LOCAL",
        "172.31.255.255,  true,  LOCAL",
        "172.32.0.1,      true,  OTHER",
        "fd00::1,         true,  LOCAL",
        "fd00::1,         false, RESERVED",
        "127.0.0.1,       true,  RESERVED",
        "::1,             true,  RESERVED",
        "169.254.10.1,    true,  RESERVED",
        "100.64.0.1,      true,  RESERVED",
        "100.127.255.255, true,  RESERVED",
        "100.128.0.1,     true,  OTHER",
        "fe80::1,         true,  RESERVED",
        "fec0::1,         true,  RESERVED",
        "203.0.113.11,    true,  OTHER",
        "198.51.100.7,    true,  OTHER",
        "2001:db8::1,     true,  OTHER",
    })
    void classifies(String ip, boolean includeLan, IpClass expected) {
        assertThat(IpClass.of(IpAddresses.parse(ip), NETWORK, includeLan)).isEqualTo(expected);
    }

    @Test
    void anIpv4MappedAddressIsClassifiedAsItsIpv4Address() {
        assertThat(IpClass.of(TestAddresses.ipv4Mapped("192.168.1.5"), NETWORK, true)).isEqualTo(IpClass.LOCAL);
        assertThat(IpClass.of(TestAddresses.ipv4Mapped("192.168.1.5"), NETWORK, false)).isEqualTo(IpClass.RESERVED);
        assertThat(IpClass.of(TestAddresses.ipv4Mapped("198.51.100.7"), NETWORK, true)).isEqualTo(IpClass.OTHER);
    }

    @Test
    void aConfiguredLanOutsideTheReservedRangesIsLocalOnlyWhenIncluded() {
        NetworkClasses publicLan = new NetworkClasses(IpMatcher.NONE, IpMatcher.parse("198.51.100.0/24"));

        assertThat(IpClass.of(IpAddresses.parse("198.51.100.7"), publicLan, true)).isEqualTo(IpClass.LOCAL);
        assertThat(IpClass.of(IpAddresses.parse("198.51.100.7"), publicLan, false)).isEqualTo(IpClass.OTHER);
        assertThat(IpClass.of(IpAddresses.parse("192.168.1.5"), publicLan, true)).as("private, not in this LAN")
            .isEqualTo(IpClass.RESERVED);
    }

    @Test
    void withoutServerAddressesOrLanNothingIsLocal() {
        NetworkClasses none = new NetworkClasses(IpMatcher.NONE, IpMatcher.NONE);

        assertThat(IpClass.of(IpAddresses.parse("10.0.0.25"), none, true)).isEqualTo(IpClass.RESERVED);
    }

    @ParameterizedTest
    @CsvSource({"LOCAL, local", "RESERVED, reserved", "OTHER, other"})
    void theKeyIsTheLowerCaseName(IpClass ipClass, String key) {
        assertThat(ipClass.key()).isEqualTo(key);
    }

    @Test
    void eachClassHasItsOwnLimit() {
        HijackConfig config = HijackConfigTest.parse("<limits><reserved><max>1</max></reserved><local><max>2</max></local>"
            + "<other><max>3</max></other></limits>");

        assertThat(IpClass.RESERVED.limit(config).max()).isEqualTo(1);
        assertThat(IpClass.LOCAL.limit(config).max()).isEqualTo(2);
        assertThat(IpClass.OTHER.limit(config).max()).isEqualTo(3);
    }
}
