package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jamesguard.core.testing.TestAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "192.0.2.1, 192.0.2.1, true",
        "'  192.0.2.1 ', 192.0.2.1, true",
        "[192.0.2.1], 192.0.2.1, true",
        "0.0.0.0, 0.0.0.0, true",
        "255.255.255.255, 255.255.255.255, true",
        "2001:DB8::1, 2001:db8::1, false",
        "2001:db8:0:0:0:0:0:1, 2001:db8::1, false",
        "[2001:db8::1], 2001:db8::1, false",
        "::1, ::1, false",
        "[::1], ::1, false",
        "::, ::, false",
        "::ffff:192.0.2.1, 192.0.2.1, true",
        "[::ffff:192.0.2.1], 192.0.2.1, true",
        "0:0:0:0:0:ffff:c000:201, 192.0.2.1, true",
        "::192.0.2.1, ::c000:201, false",
        "64:ff9b::192.0.2.1, 64:ff9b::c000:201, false",
    })
    void parsesLiteralsToTheirCanonicalForm(String text, String canonical, boolean ipv4) {
        InetAddress address = IpAddresses.parse(text);

        assertThat(IpAddresses.format(address)).isEqualTo(canonical);
        assertThat(IpAddresses.isIpv4(address)).isEqualTo(ipv4);
        assertThat(IpAddresses.isLiteral(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "mail.example.com", "example", "", "   ", "1.2.3", "256.1.1.1", "01.2.3.4",
        "1.2.3.4.5", "1.2.3.-4", "[1.2.3.4", "1.2.3.4]", "[[::1]]", "[]", "2001:db8::1::2", "2001:db8::g",
        "1:2:3:4:5:6:7:8:9", "1.2.3.4/24", "192.0.2.1:25", "http://192.0.2.1", "0x7f.0.0.1", "2130706433"})
    void refusesAnythingButALiteralWithoutResolvingIt(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpAddresses.parse(text))
            .withMessage("not an IP address: '" + text + "'");
        assertThat(IpAddresses.isLiteral(text)).isFalse();
    }

    @Test
    void normalizeTurnsAnIpv4MappedAddressIntoIpv4() {
        InetAddress mapped = TestAddresses.ipv4Mapped("192.0.2.1");

        InetAddress normalized = IpAddresses.normalize(mapped);

        assertThat(normalized).isInstanceOf(Inet4Address.class);
        assertThat(IpAddresses.format(normalized)).isEqualTo("192.0.2.1");
    }

    @Test
    void normalizeLeavesOtherAddressesAlone() throws UnknownHostException {
        InetAddress ipv4 = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        byte[] almostMapped = TestAddresses.ipv4Mapped("192.0.2.1").getAddress();
        almostMapped[9] = 1;
        InetAddress ipv6 = Inet6Address.getByAddress(null, almostMapped, -1);

        assertThat(IpAddresses.normalize(ipv4)).isSameAs(ipv4);
        assertThat(IpAddresses.normalize(ipv6)).isSameAs(ipv6);
    }

    @Test
    void formatWritesIpv6InItsShortestLowerCaseForm() {
        assertThat(IpAddresses.format(IpAddresses.parse("2001:0DB8:0000:0000:0001:0000:0000:0001"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddresses.format(IpAddresses.parse("fe80:0:0:0:0:0:0:0"))).isEqualTo("fe80::");
    }
}
