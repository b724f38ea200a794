package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNetworksTest {
    private static final ClientNetworks DEFAULT = ClientNetworks.DEFAULT;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "192.0.2.7,                 192.0.2.7",
        "::ffff:192.0.2.7,          192.0.2.7",
        "2001:db8:1:2::1,           2001:db8:1:2::/64",
        "2001:db8:1:2:ffff:1:2:3,   2001:db8:1:2::/64",
        "[2001:DB8:1:2::9],         2001:db8:1:2::/64",
        "::1,                       ::/64",
    })
    void byDefaultAnIpv4AddressIsItsOwnKeyAndAnIpv6AddressIsKeyedByItsSlash64(String client, String key) {
        assertThat(DEFAULT.keyOf(client)).isEqualTo(key);
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertThatThrownBy(() -> DEFAULT.keyOf("2001:db8::/64")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not an IP address: '2001:db8::/64'");
    }

    @ParameterizedTest(name = "/{0} /{1}: {2} -> {3}")
    @CsvSource({
        "24, 48,  192.0.2.7,          192.0.2.0/24",
        "24, 48,  2001:db8:1:2::1,    2001:db8:1::/48",
        "32, 128, 2001:db8:1:2::1,    2001:db8:1:2::1",
    })
    void keysFollowTheConfiguredPrefixes(int ipv4, int ipv6, String client, String key) {
        assertThat(ClientNetworks.of(ipv4, ipv6).keyOf(IpAddresses.parse(client))).isEqualTo(key);
    }

    @ParameterizedTest(name = "/{0} /{1}")
    @CsvSource({"15, 64", "33, 64", "32, 31", "32, 129"})
    void refusesPrefixesOutOfRange(int ipv4, int ipv6) {
        assertThatThrownBy(() -> ClientNetworks.of(ipv4, ipv6)).isInstanceOf(IllegalArgumentException.class);
    }
}
