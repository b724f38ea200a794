package org.jamesguard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.apache.commons.configuration2.XMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.config.GuardConfigException;
import org.jamesguard.core.net.IpAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.ResolverConfig;

class DnsConfigTest {
    @Test
    void anEmptyElementGivesTheSpecDefaultsAndTheSystemResolvers() {
        DnsConfig config = parse("<dns/>");

        assertThat(config.servers()).isEqualTo(ResolverConfig.getCurrentConfig().servers());
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.retries()).isEqualTo(1);
        assertThat(config.cacheSize()).isEqualTo(10_000);
        assertThat(config.maxPtrNames()).isEqualTo(2);
        assertThat(config.maxQuestionsInFlight()).isEqualTo(500);
        assertThat(config.questionDeadline()).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.checkDeadline()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void everyElementIsRead() {
        DnsConfig config = parse("<dns>"
            + "<server>192.0.2.53</server><server>[2001:db8::53]:5353, 192.0.2.54:54</server>"
            + "<timeout>500ms</timeout><retries>0</retries><cacheSize>100</cacheSize><maxPtrNames>1</maxPtrNames>"
            + "<maxQuestionsInFlight>50</maxQuestionsInFlight></dns>");

        assertThat(config).hasToString("DnsConfig{servers=192.0.2.53:53, [2001:db8::53]:5353, 192.0.2.54:54, "
            + "timeout=500ms, retries=0, cacheSize=100, maxPtrNames=1, maxQuestionsInFlight=50}");
        assertThat(config.servers()).first()
            .isEqualTo(new InetSocketAddress(IpAddresses.parse("192.0.2.53"), 53));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<dns><server>dns.example.com</server></dns>"
            + "| <dns><server>: expected an IP address with an optional port, got 'dns.example.com'",
        "<dns><timeout>soon</timeout></dns>"
            + "| <dns><timeout>: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got 'soon'",
        "<dns><retries>-1</retries></dns>| <dns><retries>: expected a number of at least 0, got -1",
        "<dns><cacheSize>0</cacheSize></dns>| <dns><cacheSize>: expected a number of at least 1, got 0",
        "<dns><maxPtrNames>10</maxPtrNames></dns>| <dns><maxPtrNames>: expected a number of at most 9, got 10",
        "<dns><maxQuestionsInFlight>0</maxQuestionsInFlight></dns>"
            + "| <dns><maxQuestionsInFlight>: expected a number of at least 1, got 0",
        "<dns><maxQuestionsInFlight>many</maxQuestionsInFlight></dns>"
            + "| <dns><maxQuestionsInFlight>: expected a whole number, got 'many'",
        "<dns><timeOut>3s</timeOut></dns>"
            + "| <dns><timeOut>: unknown element, expected one of <server>, <timeout>, <retries>, <cacheSize>, <maxPtrNames>, "
            + "<maxQuestionsInFlight>",
    })
    void aWrongValueIsRefusedNamingTheElement(String xml, String message) {
        assertThatThrownBy(() -> parse(xml))
            .isInstanceOf(GuardConfigException.class)
            .hasMessage(message);
    }

    @Test
    void aValueOutOfRangeIsRefusedWhenBuiltInCodeToo() {
        assertThatThrownBy(() -> DnsConfig.defaults().withMaxPtrNames(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxPtrNames must be between 1 and 9, got 0");
    }

    private static DnsConfig parse(String xml) {
        XMLConfiguration config = new XMLConfiguration();
        try {
            new FileHandler(config).load(new StringReader(xml));
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException(e);
        }
        return DnsConfig.parse(ConfigReader.of(config, "<dns>"));
    }
}
