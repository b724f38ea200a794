package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpMatcherTest {
    private final IpMatcher lan = IpMatcher.parse("10.0.0.0/8", "192.168.0.0/16", "fc00::/7", "192.0.2.1");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "10.20.30.40, true",
        "192.168.255.1, true",
        "fd00::1, true",
        "192.0.2.1, true",
        "::ffff:10.0.0.1, true",
        "192.0.2.2, false",
        "172.16.0.1, false",
        "2001:db8::1, false",
        "::ffff:0a00:0001, true",
    })
    void matchesAnAddressInAnyNetwork(String ip, boolean expected) {
        assertThat(lan.matches(IpAddresses.parse(ip))).isEqualTo(expected);
    }

    @Test
    void noneMatchesNothing() {
        assertThat(IpMatcher.NONE.isEmpty()).isTrue();
        assertThat(IpMatcher.NONE.networks()).isEmpty();
        assertThat(IpMatcher.NONE.matches(IpAddresses.parse("127.0.0.1"))).isFalse();
        assertThat(IpMatcher.NONE).hasToString("[]");
        assertThat(IpMatcher.of(List.of())).isEqualTo(IpMatcher.NONE);
        assertThat(IpMatcher.parse()).isEqualTo(IpMatcher.NONE);
    }

    @Test
    void keepsItsNetworksInOrder() {
        assertThat(lan.isEmpty()).isFalse();
        assertThat(lan.networks()).containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.0.0/16"),
            Cidr.parse("fc00::/7"), Cidr.parse("192.0.2.1"));
        assertThat(lan).hasToString("[10.0.0.0/8, 192.168.0.0/16, fc00::/7, 192.0.2.1]");
    }

    @Test
    void ofCopiesItsInput() {
        List<Cidr> networks = new ArrayList<>(List.of(Cidr.parse("10.0.0.0/8")));
        IpMatcher matcher = IpMatcher.of(networks);
        networks.add(Cidr.parse("0.0.0.0/0"));

        assertThat(matcher.matches(IpAddresses.parse("192.0.2.1"))).isFalse();
        assertThatThrownBy(() -> matcher.networks().add(Cidr.parse("::/0"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void plusJoinsTwoListsWithoutDuplicates() {
        IpMatcher joined = IpMatcher.parse("10.0.0.0/8", "192.0.2.0/24").plus(IpMatcher.parse("192.0.2.9/24", "::1"));

        assertThat(joined).hasToString("[10.0.0.0/8, 192.0.2.0/24, ::1]");
        assertThat(joined.matches(IpAddresses.parse("::1"))).isTrue();
        assertThat(IpMatcher.NONE.plus(IpMatcher.NONE)).isEqualTo(IpMatcher.NONE);
    }

    @Test
    void equalsComparesTheNetworksInOrder() {
        assertThat(IpMatcher.parse("10.0.0.0/8", "::1")).isEqualTo(IpMatcher.parse("10.9.9.9/8", "::1"))
            .hasSameHashCodeAs(IpMatcher.parse("10.0.0.0/8", "::1"))
            .isNotEqualTo(IpMatcher.parse("::1", "10.0.0.0/8"));
    }

    @Test
    void parseRefusesABadNetwork() {
        assertThatIllegalArgumentException().isThrownBy(() -> IpMatcher.parse("10.0.0.0/8", "lan"))
            .withMessage("not an IP address: 'lan'");
    }
}
