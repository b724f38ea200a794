package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.jamesguard.core.testing.TestAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.jqno.equalsverifier.EqualsVerifier;

class CidrTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "192.0.2.1, 192.0.2.1, 32",
        "192.0.2.1/32, 192.0.2.1, 32",
        "192.0.2.0/24, 192.0.2.0/24, 24",
        "192.0.2.77/24, 192.0.2.0/24, 24",
        "10.1.2.3/8, 10.0.0.0/8, 8",
        "10.0.0.255/25, 10.0.0.128/25, 25",
        "10.0.0.1/31, 10.0.0.0/31, 31",
        "172.31.255.255/12, 172.16.0.0/12, 12",
        "0.0.0.0/0, 0.0.0.0/0, 0",
        "203.0.113.9/0, 0.0.0.0/0, 0",
        "' 10.0.0.0/8 ', 10.0.0.0/8, 8",
        "::1, ::1, 128",
        "::1/128, ::1, 128",
        "2001:DB8::1/32, 2001:db8::/32, 32",
        "[2001:db8::1]/64, 2001:db8::/64, 64",
        "2001:db8:1:2:3:4:5:6/127, 2001:db8:1:2:3:4:5:6/127, 127",
        "2001:db8:1:2:3:4:5:7/127, 2001:db8:1:2:3:4:5:6/127, 127",
        "fdff::1/7, fc00::/7, 7",
        "fe80::1:2/10, fe80::/10, 10",
        "::/0, ::/0, 0",
        "2001:db8::1/0, ::/0, 0",
        "::ffff:192.0.2.1, 192.0.2.1, 32",
        "::ffff:10.1.2.3/8, 10.0.0.0/8, 8",
    })
    void parsesAndClearsHostBits(String text, String expected, int prefix) {
        Cidr cidr = Cidr.parse(text);

        assertThat(cidr).hasToString(expected);
        assertThat(cidr.prefix()).isEqualTo(prefix);
        assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "192.0.2.0/24, 192.0.2.0, true",
        "192.0.2.0/24, 192.0.2.255, true",
        "192.0.2.0/24, 192.0.3.0, false",
        "192.0.2.0/24, 192.0.1.255, false",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "172.16.0.0/12, 172.31.0.1, true",
        "172.16.0.0/12, 172.32.0.1, false",
        "192.0.2.1, 192.0.2.1, true",
        "192.0.2.1/32, 192.0.2.2, false",
        "10.0.0.128/25, 10.0.0.127, false",
        "10.0.0.128/25, 10.0.0.128, true",
        "0.0.0.0/0, 198.51.100.1, true",
        "0.0.0.0/0, 255.255.255.255, true",
        "192.0.2.0/24, ::ffff:192.0.2.9, true",
        "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "2001:db8::/32, 2001:db9::, false",
        "::1, ::1, true",
        "::1/128, ::2, false",
        "fc00::/7, fd12:3456::1, true",
        "fc00::/7, fe00::1, false",
        "fe80::/10, febf::1, true",
        "fe80::/10, fec0::1, false",
        "::/0, 2001:db8::1, true",
        "::/0, ::, true",
    })
    void containsAddressesInsideTheNetwork(String cidr, String ip, boolean expected) {
        assertThat(Cidr.parse(cidr).contains(IpAddresses.parse(ip))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} never contains {1}")
    @CsvSource({
        "0.0.0.0/0, ::1",
        "0.0.0.0/0, 2001:db8::1",
        "0.0.0.0/0, ::",
        "::/0, 192.0.2.1",
        "::/0, ::ffff:192.0.2.1",
        "::/0, 0.0.0.0",
        "127.0.0.1, ::1",
        "::1, 127.0.0.1",
        "::c000:201, 192.0.2.1",
    })
    void mixedFamiliesNeverMatch(String cidr, String ip) {
        assertThat(Cidr.parse(cidr).contains(IpAddresses.parse(ip))).isFalse();
    }

    @Test
    void containsAnUnnormalizedIpv4MappedAddress() {
        assertThat(Cidr.parse("192.0.2.0/24").contains(TestAddresses.ipv4Mapped("192.0.2.1"))).isTrue();
        assertThat(Cidr.parse("::/0").contains(TestAddresses.ipv4Mapped("192.0.2.1"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(value = {
        "10.0.0.0/33|malformed CIDR '10.0.0.0/33': prefix must be 0 to 32",
        "10.0.0.0/-1|malformed CIDR '10.0.0.0/-1': prefix must be 0 to 32",
        "2001:db8::/129|malformed CIDR '2001:db8::/129': prefix must be 0 to 128",
        "::ffff:10.0.0.0/104|malformed CIDR '::ffff:10.0.0.0/104': prefix must be 0 to 32",
        "10.0.0.0/|malformed CIDR '10.0.0.0/': prefix '' is not a number",
        "10.0.0.0/x|malformed CIDR '10.0.0.0/x': prefix 'x' is not a number",
        "10.0.0.0/8/8|malformed CIDR '10.0.0.0/8/8': prefix '8/8' is not a number",
        "10.0.0.0/ 8|malformed CIDR '10.0.0.0/ 8': prefix ' 8' is not a number",
        "10.0.0.0/255.0.0.0|malformed CIDR '10.0.0.0/255.0.0.0': prefix '255.0.0.0' is not a number",
        "10.0.0.0/99999999999|malformed CIDR '10.0.0.0/99999999999': prefix '99999999999' is not a number",
        "10.0.0/8|not an IP address: '10.0.0'",
        "mail.example.com/24|not an IP address: 'mail.example.com'",
        "mail.example.com|not an IP address: 'mail.example.com'",
        "/8|not an IP address: ''",
        "''|not an IP address: ''",
    }, delimiter = '|')
    void refusesMalformedNetworksSayingWhy(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text)).withMessage(message);
    }

    @Test
    void ofBuildsANetworkFromAnAddressAndPrefix() {
        assertThat(Cidr.of(IpAddresses.parse("192.0.2.77"), 24)).isEqualTo(Cidr.parse("192.0.2.0/24"));
        assertThat(Cidr.of(IpAddresses.parse("2001:db8::1"), 64)).hasToString("2001:db8::/64");
        assertThat(Cidr.of(TestAddresses.ipv4Mapped("192.0.2.1"), 24)).hasToString("192.0.2.0/24");
        assertThat(Cidr.of(IpAddresses.parse("192.0.2.1"), 0)).hasToString("0.0.0.0/0");
    }

    @Test
    void ofRefusesAPrefixLongerThanTheAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.of(IpAddresses.parse("192.0.2.1"), 33))
            .withMessage("prefix must be 0 to 32, got 33");
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.of(IpAddresses.parse("::1"), 129))
            .withMessage("prefix must be 0 to 128, got 129");
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.of(IpAddresses.parse("::1"), -1))
            .withMessage("prefix must be 0 to 128, got -1");
    }

    @Test
    void networksWithTheSameBitsAreEqual() {
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8")).hasSameHashCodeAs(Cidr.parse("10.0.0.0/8"))
            .isNotEqualTo(Cidr.parse("10.0.0.0/9"))
            .isNotEqualTo(Cidr.parse("11.0.0.0/8"));
        assertThat(Cidr.parse("0.0.0.0/0")).isNotEqualTo(Cidr.parse("::/0"));
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(Cidr.class).verify();
    }
}
