package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedNetworksTest {
    private final TrustedNetworks trusted = new TrustedNetworks(IpMatcher.parse("192.0.2.0/24", "2001:db8::/32"));

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "::1, true",
        "::ffff:127.0.0.1, true",
        "127.0.0.2, false",
        "192.0.2.200, true",
        "::ffff:192.0.2.7, true",
        "192.0.3.1, false",
        "2001:db8:1::1, true",
        "2001:db9::1, false",
    })
    void trustsLoopbackAndTheConfiguredNetworks(String ip, boolean expected) {
        assertThat(trusted.isTrusted(IpAddresses.parse(ip))).isEqualTo(expected);
    }

    @Test
    void loopbackIsTrustedWithNothingConfigured() {
        TrustedNetworks none = new TrustedNetworks(IpMatcher.NONE);

        assertThat(none.isTrusted(IpAddresses.parse("127.0.0.1"))).isTrue();
        assertThat(none.isTrusted(IpAddresses.parse("::1"))).isTrue();
        assertThat(none.isTrusted(IpAddresses.parse("10.0.0.1"))).isFalse();
    }

    @Test
    void configuredDoesNotIncludeLoopback() {
        assertThat(trusted.configured()).isEqualTo(IpMatcher.parse("192.0.2.0/24", "2001:db8::/32"));
    }
}
