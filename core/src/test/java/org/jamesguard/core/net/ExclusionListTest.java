package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.jamesguard.core.net.ExclusionList.Kind.ADDRESS;
import static org.jamesguard.core.net.ExclusionList.Kind.HOST;
import static org.jamesguard.core.net.ExclusionList.Kind.IP;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExclusionListTest {
    private static final Set<ExclusionList.Kind> ALL = EnumSet.allOf(ExclusionList.Kind.class);

    private final ExclusionList mixed = ExclusionList.parse(List.of("alice@example.com", "*.relay.example", "192.0.2.0/24",
        "*@*.news.example", "mx.example.org", "2001:db8::1", "*@partner.example"), ALL);

    @Test
    void listsEntriesByKindInTheirNormalForm() {
        assertThat(mixed.entries()).containsExactly("192.0.2.0/24", "2001:db8::1", "*.relay.example", "mx.example.org",
            "alice@example.com", "*@*.news.example", "*@partner.example");
        assertThat(mixed).hasToString("[192.0.2.0/24, 2001:db8::1, *.relay.example, mx.example.org, alice@example.com,"
            + " *@*.news.example, *@partner.example]");
        assertThat(mixed.isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "192.0.2.200, true",
        "::ffff:192.0.2.200, true",
        "2001:db8::1, true",
        "2001:db8::2, false",
        "198.51.100.1, false",
    })
    void matchesIps(String ip, boolean expected) {
        assertThat(mixed.matchesIp(IpAddresses.parse(ip))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "mx.example.org, true",
        "MX.example.org., true",
        "a.relay.example, true",
        "relay.example, false",
        "mx2.example.org, false",
        "192.0.2.1, false",
    })
    void matchesHosts(String host, boolean expected) {
        assertThat(mixed.matchesHost(host)).isEqualTo(expected);
        assertThat(mixed.matchesHost(Optional.of(host))).isEqualTo(expected);
    }

    @Test
    void anAbsentHostMatchesNothing() {
        assertThat(mixed.matchesHost(Optional.empty())).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "alice@example.com, true",
        "Alice@EXAMPLE.com, true",
        "bob@example.com, false",
        "weekly@lists.news.example, true",
        "weekly@news.example, false",
        "anyone@partner.example, true",
        "anyone@sub.partner.example, false",
    })
    void matchesAddressesIgnoringCaseByDefault(String address, boolean expected) {
        assertThat(mixed.matchesAddress(EmailAddress.parse(address))).isEqualTo(expected);
    }

    @Test
    void matchesLocalPartsExactlyWhenAsked() {
        ExclusionList exact = ExclusionList.parse(List.of("Alice@example.com", "*@partner.example"), EnumSet.of(ADDRESS), true);

        assertThat(exact.matchesAddress(EmailAddress.parse("Alice@example.com"))).isTrue();
        assertThat(exact.matchesAddress(EmailAddress.parse("alice@example.com"))).isFalse();
        assertThat(exact.matchesAddress(EmailAddress.parse("ANYONE@partner.example"))).isTrue();
    }

    @Test
    void kindsOfEntriesDoNotCrossMatch() {
        ExclusionList list = ExclusionList.parse(List.of("192.0.2.1", "mx.example.org", "*@example.com"), ALL);

        assertThat(list.matchesHost("192.0.2.1")).isFalse();
        assertThat(list.matchesIp(IpAddresses.parse("192.0.2.2"))).isFalse();
        assertThat(list.matchesAddress(EmailAddress.parse("postmaster@mx.example.org"))).isFalse();
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
        "192.0.2.1, IP",
        "192.0.2.0/24, IP",
        "2001:db8::/32, IP",
        "[2001:db8::1], IP",
        "::1, IP",
        "mx.example.org, HOST",
        "*.example.org, HOST",
        "localhost, HOST",
        "alice@example.com, ADDRESS",
        "*@example.com, ADDRESS",
        "*@*.example.com, ADDRESS",
    })
    void classifiesEachEntry(String entry, ExclusionList.Kind kind) {
        assertThat(ExclusionList.parse(List.of(entry), EnumSet.of(kind)).entries()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(value = {
        "alice@example.com|IP|'alice@example.com' is not allowed here: this list takes IPs and CIDRs",
        "mx.example.org|IP|'mx.example.org' is not allowed here: this list takes IPs and CIDRs",
        "192.0.2.1|ADDRESS|'192.0.2.1' is not allowed here: this list takes addresses, *@domain and *@*.domain",
        "*.example.org|ADDRESS|'*.example.org' is not allowed here: this list takes addresses, *@domain and *@*.domain",
        "2001:db8::/32|HOST|'2001:db8::/32' is not allowed here: this list takes host names and *.domain",
        "*@example.com|HOST|'*@example.com' is not allowed here: this list takes host names and *.domain",
    }, delimiter = '|')
    void refusesAKindTheListDoesNotTake(String entry, ExclusionList.Kind allowed, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> ExclusionList.parse(List.of(entry), EnumSet.of(allowed)))
            .withMessage(message);
    }

    @Test
    void theRefusalListsEveryKindTheListTakes() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ExclusionList.parse(List.of("192.0.2.1", "*@example.com"), ExclusionList.kinds(IP, HOST)))
            .withMessage("'*@example.com' is not allowed here: this list takes IPs and CIDRs; host names and *.domain");
    }

    @ParameterizedTest
    @CsvSource(value = {
        "300.1.1.1|not an IP address: '300.1.1.1'",
        "192.0.2.0/33|malformed CIDR '192.0.2.0/33': prefix must be 0 to 32",
        "mx.example.org:25|not an IP address: 'mx.example.org:25'",
        "bad_host.example|invalid domain 'bad_host.example': Contains non-LDH ASCII characters",
        "*.*.example|expected a host name or *.domain, got '*.*.example'",
        "a*@example.com|expected user@domain, *@domain or *@*.domain, got 'a*@example.com'",
    }, delimiter = '|')
    void refusesMalformedEntries(String entry, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> ExclusionList.parse(List.of(entry), ALL)).withMessage(message);
    }

    @Test
    void kindsBuildsASet() {
        assertThat(ExclusionList.kinds(HOST)).containsExactly(HOST);
        assertThat(ExclusionList.kinds(ADDRESS, IP)).containsExactly(IP, ADDRESS);
    }

    @Test
    void emptyMatchesNothing() {
        assertThat(ExclusionList.EMPTY.isEmpty()).isTrue();
        assertThat(ExclusionList.EMPTY.entries()).isEmpty();
        assertThat(ExclusionList.EMPTY.matchesIp(IpAddresses.parse("127.0.0.1"))).isFalse();
        assertThat(ExclusionList.EMPTY.matchesHost("localhost")).isFalse();
        assertThat(ExclusionList.EMPTY.matchesAddress(EmailAddress.parse("a@example.com"))).isFalse();
        assertThat(ExclusionList.parse(List.of(), ALL)).isEqualTo(ExclusionList.EMPTY);
    }

    @Test
    void equalListsHaveTheSameEntriesAndCaseRule() {
        ExclusionList a = ExclusionList.parse(List.of("192.0.2.9/24", "MX.example.org"), ALL);
        ExclusionList b = ExclusionList.parse(List.of("mx.example.org", "192.0.2.0/24"), ALL);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(ExclusionList.parse(List.of("a@example.com"), ALL, true))
            .isNotEqualTo(ExclusionList.parse(List.of("a@example.com"), ALL, false));
    }
}
