package org.jamesguard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.jamesguard.core.net.IpAddresses;
import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;

/** The result types are values: compared by content, rendered for headers and logs. */
class DnsResultsTest {
    private static final InetAddress ONE = IpAddresses.parse("192.0.2.1");
    private static final InetAddress TWO = IpAddresses.parse("2001:db8::2");

    @Test
    void iprevResultIsAValue() {
        EqualsVerifier.forClass(IprevResult.class)
            .withPrefabValues(InetAddress.class, ONE, TWO)
            .suppress(Warning.NULL_FIELDS)
            .verify();
    }

    @Test
    void domainLookupIsAValue() {
        EqualsVerifier.forClass(DomainLookup.class)
            .withPrefabValues(InetAddress.class, ONE, TWO)
            .suppress(Warning.NULL_FIELDS)
            .verify();
    }

    @Test
    void domainStatusesHaveTheirHeaderKeywords() {
        assertThat(DomainLookup.Status.values()).extracting(DomainLookup.Status::keyword)
            .containsExactly("found", "nxdomain", "nodata", "null-mx", "temperror");
        assertThat(IprevResult.Status.values()).extracting(IprevResult.Status::keyword)
            .containsExactly("pass", "fail", "temperror", "permerror");
    }

    @Test
    void anInvalidDomainKeepsTheTextGivenAndSaysWhy() {
        assertThat(DomainLookup.invalid("bad..name", "not a domain name"))
            .hasToString("bad..name: nxdomain mx=false addresses=[] (not a domain name)");
    }
}
