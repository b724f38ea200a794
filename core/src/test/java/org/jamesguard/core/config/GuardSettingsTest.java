package org.jamesguard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.jamesguard.core.dns.DnsConfig;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.StoreConfig;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardSettingsTest {
    private static GuardSettings parse(String body) {
        return GuardSettings.parse(XmlConfigs.parse("<jamesguard>" + body + "</jamesguard>"));
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    @Test
    void defaultsAreTheSpecValues() {
        GuardSettings defaults = GuardSettings.defaults();

        assertThat(GuardSettings.FILE).isEqualTo("jamesguard.xml");
        assertThat(defaults.reportOnly()).isFalse();
        assertThat(defaults.trustedIps()).isEqualTo(IpMatcher.NONE);
        assertThat(defaults.store().backend()).isEqualTo(StoreConfig.Backend.FILE);
        assertThat(defaults.store().directory()).isEqualTo("var/jamesguard");
        assertThat(defaults.store().failurePolicy()).isEqualTo(StoreFailurePolicy.FAIL_OPEN);
        assertThat(defaults.store().redis()).isEmpty();
        assertThat(defaults.dns()).hasToString(DnsConfig.defaults().toString());
    }

    @Test
    void anEmptyFileMeansTheDefaults() {
        GuardSettings settings = parse("");

        assertThat(settings.reportOnly()).isFalse();
        assertThat(settings.trustedIps()).isEqualTo(IpMatcher.NONE);
        assertThat(settings.store().backend()).isEqualTo(StoreConfig.Backend.FILE);
        assertThat(settings.store().failurePolicy()).isEqualTo(StoreFailurePolicy.FAIL_OPEN);
        assertThat(parse("<store/>").store().failurePolicy()).isEqualTo(StoreFailurePolicy.FAIL_OPEN);
        assertThat(parse("<store/>").store().backend()).isEqualTo(StoreConfig.Backend.FILE);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "on, true", "YES, true", "false, false", "off, false"})
    void readsReportOnly(String text, boolean expected) {
        assertThat(parse("<reportOnly>" + text + "</reportOnly>").reportOnly()).isEqualTo(expected);
    }

    @Test
    void readsTrustedIpsFromSeparatedAndRepeatedElements() {
        GuardSettings settings = parse("<trustedIps>192.0.2.0/24, 2001:db8::/32</trustedIps><trustedIps>198.51.100.7</trustedIps>");

        assertThat(settings.trustedIps()).isEqualTo(IpMatcher.parse("192.0.2.0/24", "2001:db8::/32", "198.51.100.7"));
        assertThat(settings.trustedIps().matches(IpAddresses.parse("192.0.2.99"))).isTrue();
        assertThat(settings.trustedIps().matches(IpAddresses.parse("198.51.100.8"))).isFalse();
    }

    @Test
    void readsTheStore() {
        StoreConfig store = parse("<store><backend>MEMORY</backend><failurePolicy>fail-closed</failurePolicy></store>").store();

        assertThat(store.backend()).isEqualTo(StoreConfig.Backend.MEMORY);
        assertThat(store.failurePolicy()).isEqualTo(StoreFailurePolicy.FAIL_CLOSED);
        assertThat(parse("<store><failurePolicy>Fail-Open</failurePolicy></store>").store().failurePolicy())
            .isEqualTo(StoreFailurePolicy.FAIL_OPEN);
    }

    @Test
    void readsTheFileStoreDirectory() {
        StoreConfig store = parse("<store><backend>file</backend><directory>/var/lib/james/guard</directory></store>").store();

        assertThat(store.backend()).isEqualTo(StoreConfig.Backend.FILE);
        assertThat(store.directory()).isEqualTo("/var/lib/james/guard");
    }

    @Test
    void readsTheRedisStoreWithItsDefaults() {
        StoreConfig store = parse("<store><backend>redis</backend><redis><uri>redis://127.0.0.1:6379</uri></redis></store>").store();

        assertThat(store.backend()).isEqualTo(StoreConfig.Backend.REDIS);
        StoreConfig.RedisConfig redis = store.redis().orElseThrow();
        assertThat(redis.uris()).containsExactly("redis://127.0.0.1:6379");
        assertThat(redis.cluster()).isFalse();
        assertThat(redis.keyPrefix()).isEqualTo("jamesguard:");
        assertThat(redis.timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void readsEveryRedisElement() {
        StoreConfig.RedisConfig redis = parse("<store><backend>redis</backend><redis>"
            + "<uri>redis://node1:7000</uri><uri>redis://node2:7000</uri><uri>rediss://node3:7000</uri><cluster>true</cluster>"
            + "<keyPrefix>mx1:</keyPrefix><timeout>250ms</timeout></redis></store>").store().redis().orElseThrow();

        assertThat(redis.uris()).containsExactly("redis://node1:7000", "redis://node2:7000", "rediss://node3:7000");
        assertThat(redis.cluster()).isTrue();
        assertThat(redis.keyPrefix()).isEqualTo("mx1:");
        assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void acceptsASentinelUri() {
        StoreConfig store = parse("<store><backend>redis</backend><redis>"
            + "<uri>redis-sentinel://s1:26379,s2:26379/0#mymaster</uri></redis></store>").store();

        assertThat(store.redis().orElseThrow().uris()).containsExactly("redis-sentinel://s1:26379,s2:26379/0#mymaster");
    }

    @Test
    void theEffectiveStoreHidesRedisPasswords() {
        GuardSettings settings = parse("<store><backend>redis</backend><redis><uri>redis://:s3cret@127.0.0.1:6379/0</uri>"
            + "</redis></store>");

        assertThat(settings.effective().get("store")).hasToString(
            "{backend=redis, failurePolicy=fail-open, redis={uri=[redis://***@127.0.0.1:6379/0], cluster=false,"
                + " keyPrefix=jamesguard:, timeout=1s}, maxEntries=100000}");
        assertThat(parse("").effective().get("store")).hasToString(
            "{backend=file, failurePolicy=fail-open, directory=var/jamesguard, maxEntries=100000}");
    }

    @Test
    void refusesABadReportOnly() {
        assertRefused("<reportOnly>maybe</reportOnly>",
            "jamesguard.xml: <jamesguard><reportOnly>: expected true or false, got 'maybe'");
        assertRefused("<reportOnly></reportOnly>", "jamesguard.xml: <jamesguard><reportOnly>: is empty");
        assertRefused("<reportOnly>true</reportOnly><reportOnly>false</reportOnly>",
            "jamesguard.xml: <jamesguard><reportOnly>: appears 2 times, expected at most once");
        assertRefused("<reportOnly><value>true</value></reportOnly>",
            "jamesguard.xml: <jamesguard><reportOnly>: expected a value, got nested elements");
    }

    @Test
    void refusesBadTrustedIps() {
        assertRefused("<trustedIps>mail.example.com</trustedIps>",
            "jamesguard.xml: <jamesguard><trustedIps>: not an IP address: 'mail.example.com'");
        assertRefused("<trustedIps>192.0.2.0/24 10.0.0.0/33</trustedIps>",
            "jamesguard.xml: <jamesguard><trustedIps>: malformed CIDR '10.0.0.0/33': prefix must be 0 to 32");
        assertRefused("<trustedIps>2001:db8::/x</trustedIps>",
            "jamesguard.xml: <jamesguard><trustedIps>: malformed CIDR '2001:db8::/x': prefix 'x' is not a number");
    }

    @Test
    void lanDefaultsToThePrivateRangesAndServerAddressesToNone() {
        GuardSettings defaults = GuardSettings.defaults();

        assertThat(defaults.lanIps()).isEqualTo(NetworkClasses.PRIVATE_RANGES);
        assertThat(defaults.serverAddresses()).isEqualTo(IpMatcher.NONE);
    }

    @Test
    void readsTheNetwork() {
        GuardSettings settings = parse("<network><serverAddresses>192.0.2.10</serverAddresses>"
            + "<lanIps>127.0.0.60/32, 10.1.0.0/16</lanIps></network>");

        assertThat(settings.serverAddresses()).isEqualTo(IpMatcher.parse("192.0.2.10"));
        assertThat(settings.lanIps()).isEqualTo(IpMatcher.parse("127.0.0.60/32", "10.1.0.0/16"));
        assertThat(parse("<network><lanIps>none</lanIps></network>").lanIps()).isEqualTo(IpMatcher.NONE);
    }

    @Test
    void refusesABadNetwork() {
        assertRefused("<network><lanIps>10.0.0.0/40</lanIps></network>",
            "jamesguard.xml: <jamesguard><network><lanIps>: malformed CIDR '10.0.0.0/40': prefix must be 0 to 32");
        assertRefused("<network><lan>10.0.0.0/8</lan></network>",
            "jamesguard.xml: <jamesguard><network><lan>: unknown element, expected one of <serverAddresses>, <lanIps>, <clientPrefix>");
    }

    @Test
    void clientsAreCountedPerSlash32AndSlash64ByDefaultOrPerTheConfiguredPrefixes() {
        assertThat(GuardSettings.defaults().clientNetworks().ipv4Prefix()).isEqualTo(32);
        assertThat(GuardSettings.defaults().clientNetworks().ipv6Prefix()).isEqualTo(64);
        GuardSettings settings = parse("<network><clientPrefix><ipv4>24</ipv4><ipv6>56</ipv6></clientPrefix></network>");
        assertThat(settings.clientNetworks().ipv4Prefix()).isEqualTo(24);
        assertThat(settings.clientNetworks().ipv6Prefix()).isEqualTo(56);
    }

    @Test
    void refusesClientPrefixesOutOfRange() {
        assertRefused("<network><clientPrefix><ipv4>33</ipv4></clientPrefix></network>",
            "jamesguard.xml: <jamesguard><network><clientPrefix><ipv4>: expected a prefix length of 16 to 32, got 33");
        assertRefused("<network><clientPrefix><ipv6>8</ipv6></clientPrefix></network>",
            "jamesguard.xml: <jamesguard><network><clientPrefix><ipv6>: expected a number of at least 32, got 8");
        assertRefused("<network><clientPrefix><v6>64</v6></clientPrefix></network>",
            "jamesguard.xml: <jamesguard><network><clientPrefix><v6>: unknown element, expected one of <ipv4>, <ipv6>");
        assertRefused("<store><maxEntries>0</maxEntries></store>",
            "jamesguard.xml: <jamesguard><store><maxEntries>: expected a number of at least 1, got 0");
    }

    @Test
    void readsTheDnsResolver() {
        GuardSettings settings = parse("<dns><server>127.0.0.1:5353</server><timeout>1s</timeout><retries>0</retries></dns>");

        assertThat(settings.dns()).hasToString(
            "DnsConfig{servers=127.0.0.1:5353, timeout=1s, retries=0, cacheSize=10000, maxPtrNames=2, maxQuestionsInFlight=500}");
    }

    @Test
    void refusesABadDnsResolverNamingTheFile() {
        assertRefused("<dns><server>resolver.example.com</server></dns>",
            "jamesguard.xml: <jamesguard><dns><server>: expected an IP address with an optional port, got 'resolver.example.com'");
        assertRefused("<dns><timeout>0s</timeout></dns>",
            "jamesguard.xml: <jamesguard><dns><timeout>: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got '0s'");
    }

    @Test
    void refusesABadStore() {
        assertRefused("<store><backend>disk</backend></store>",
            "jamesguard.xml: <jamesguard><store><backend>: expected memory, file or redis, got 'disk'");
        assertRefused("<store><backend>redis</backend></store>",
            "jamesguard.xml: <jamesguard><store><redis><uri>: required with <backend>redis</backend>, e.g. redis://127.0.0.1:6379");
        assertRefused("<store><backend>redis</backend><redis><uri>127.0.0.1:6379</uri></redis></store>",
            "jamesguard.xml: <jamesguard><store><redis><uri>: expected a URI starting with redis://, rediss://,"
                + " redis-sentinel://, rediss-sentinel://, got '127.0.0.1:6379'");
        assertRefused("<store><backend>redis</backend><redis><uri>redis://:pw@host:99999</uri></redis></store>",
            "jamesguard.xml: <jamesguard><store><redis><uri>: not a Redis URI (Port out of range: 99999): 'redis://***@host:99999'");
        assertRefused("<store><backend>redis</backend><redis><uri>redis-sentinel://s1:26379</uri></redis></store>",
            "jamesguard.xml: <jamesguard><store><redis><uri>: not a Redis URI (URI must contain the sentinelMasterId):"
                + " 'redis-sentinel://s1:26379'");
        assertRefused("<store><backend>redis</backend><redis><uri>redis://a:6379</uri><uri>redis://b:6379</uri></redis></store>",
            "jamesguard.xml: <jamesguard><store><redis><uri>: several URIs are the seed nodes of a cluster:"
                + " add <cluster>true</cluster> (for Sentinel, list the sentinels in one redis-sentinel:// URI)");
        assertRefused("<store><backend>redis</backend><redis><uri>redis-sentinel://s1:26379#m</uri><cluster>true</cluster>"
                + "</redis></store>",
            "jamesguard.xml: <jamesguard><store><redis><uri>: a cluster takes redis:// or rediss:// seed nodes, not a Sentinel URI");
        assertRefused("<store><backend>redis</backend><redis><uri>redis://a:6379</uri><timeout>0s</timeout></redis></store>",
            "jamesguard.xml: <jamesguard><store><redis><timeout>: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d"
                + " or PT10M, got '0s'");
        assertRefused("<store><redis><host>a</host></redis></store>",
            "jamesguard.xml: <jamesguard><store><redis><host>: unknown element, expected one of <uri>, <cluster>, <keyPrefix>, <timeout>");
        assertRefused("<store><failurePolicy>open</failurePolicy></store>",
            "jamesguard.xml: <jamesguard><store><failurePolicy>: expected fail-open or fail-closed, got 'open'");
        assertRefused("<store/><store/>", "jamesguard.xml: <jamesguard><store>: appears 2 times, expected at most once");
    }

    @Test
    void refusesUnknownElements() {
        assertRefused("<reportonly>true</reportonly>",
            "jamesguard.xml: <jamesguard><reportonly>: unknown element, expected one of <reportOnly>, <trustedIps>, <network>, <store>, <dns>, <hijack>");
        assertRefused("<store><policy>fail-closed</policy></store>",
            "jamesguard.xml: <jamesguard><store><policy>: unknown element, expected one of <backend>, <failurePolicy>,"
                + " <directory>, <redis>, <maxEntries>");
    }
}
