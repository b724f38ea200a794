package org.jamesguard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.dns.Verifiers.result;

import org.jamesguard.core.testing.TestAddresses;
import org.jamesguard.core.dns.DomainLookup.Status;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class ResolveDomainTest {
    @RegisterExtension
    static final TestDnsServer dns = Verifiers.dnsServer();

    private final DnsVerifier verifier = Verifiers.against(dns);

    @AfterEach
    void stopTransport() {
        verifier.close();
    }

    @Test
    void foundByItsARecord() {
        dns.addressRecord("example.test", "127.0.0.5");

        DomainLookup lookup = resolve("example.test");

        assertThat(lookup).hasToString("example.test: found mx=false addresses=[127.0.0.5]");
        assertThat(lookup.containsAddress(IpAddresses.parse("127.0.0.5"))).isTrue();
        assertThat(lookup.containsAddress(TestAddresses.ipv4Mapped("127.0.0.5"))).isTrue();
    }

    @Test
    void foundByItsAaaaRecord() {
        dns.addressRecord("example.test", "2001:db8::5");

        assertThat(resolve("example.test")).hasToString("example.test: found mx=false addresses=[2001:db8::5]");
    }

    @Test
    void foundByTheAddressesOfItsMxHostsInPreferenceOrder() {
        dns.mx("example.test", 20, "mx2.example.test").mx("example.test", 10, "mx1.example.test")
            .addressRecord("mx1.example.test", "127.0.0.11")
            .addressRecord("mx2.example.test", "2001:db8::12");

        DomainLookup lookup = resolve("example.test");

        assertThat(lookup).hasToString("example.test: found mx=true addresses=[127.0.0.11, 2001:db8::12]");
    }

    @Test
    void anMxHostThatIsTheDomainItselfIsNotAskedForTwice() {
        dns.mx("example.test", 10, "example.test").addressRecord("example.test", "127.0.0.5");

        assertThat(resolve("example.test")).hasToString("example.test: found mx=true addresses=[127.0.0.5]");
        assertThat(dns.queryCount("example.test", Type.A)).isEqualTo(1);
    }

    @Test
    void cnameChainsAreFollowed() {
        dns.cname("www.example.test", "edge.example.test")
            .cname("edge.example.test", "host.example.test")
            .addressRecord("host.example.test", "127.0.0.5");

        DomainLookup lookup = resolve("www.example.test");

        assertThat(lookup.containsAddress(IpAddresses.parse("127.0.0.5"))).isTrue();
    }

    @Test
    void anUnknownDomainIsNxdomain() {
        assertThat(resolve("nowhere.test")).hasToString("nowhere.test: nxdomain mx=false addresses=[] (no such domain)");
    }

    @Test
    void aDomainWithOnlyOtherRecordsIsNodata() {
        dns.add(new TXTRecord(Name.fromConstantString("example.test."), DClass.IN, 300, "v=spf1 -all"));

        assertThat(resolve("example.test")).hasToString(
            "example.test: nodata mx=false addresses=[] (no A, AAAA or MX record)");
    }

    @Test
    void aDomainWithOnlyNamesBelowItIsNodataNotNxdomain() {
        dns.addressRecord("host.example.test", "127.0.0.5");

        assertThat(resolve("example.test").status()).isEqualTo(Status.NODATA);
    }

    @Test
    void aNullMxMeansNoMailButKeepsTheAddresses() {
        dns.nullMx("example.test").addressRecord("example.test", "127.0.0.5");

        assertThat(resolve("example.test")).hasToString(
            "example.test: null-mx mx=false addresses=[127.0.0.5] (null MX, the domain accepts no mail)");
    }

    @Test
    void servfailIsTemperrorAndKeepsTheAddressesFound() {
        dns.addressRecord("example.test", "127.0.0.5").servfail("example.test", Type.AAAA);

        DomainLookup lookup = resolve("example.test");

        assertThat(lookup).hasToString(
            "example.test: temperror mx=false addresses=[127.0.0.5] (example.test/AAAA: SERVFAIL)");
        assertThat(lookup.containsAddress(IpAddresses.parse("127.0.0.5"))).isTrue();
    }

    @Test
    void servfailForAnMxHostIsTemperror() {
        dns.mx("example.test", 10, "mx.example.test").servfail("mx.example.test");

        assertThat(resolve("example.test").status()).isEqualTo(Status.TEMPERROR);
    }

    @Test
    void droppedQueriesAreTemperrorOnceTheTimeoutExpires() {
        dns.addressRecord("example.test", "127.0.0.5").drop("example.test");
        try (DnsVerifier impatient = Verifiers.against(dns, Verifiers.SHORT_TIMEOUT)) {
            DomainLookup lookup = result(impatient.resolveDomain("example.test"));

            assertThat(lookup).hasToString("example.test: temperror mx=false addresses=[] "
                + "(example.test/A: timeout, example.test/AAAA: timeout, example.test/MX: timeout)");
        }
    }

    @Test
    void stopsAtTenQueriesAndSaysTheResultIsLimited() {
        for (int i = 1; i <= 5; i++) {
            dns.mx("example.test", 10 * i, "mx" + i + ".example.test").addressRecord("mx" + i + ".example.test", "127.0.0.1" + i);
        }

        DomainLookup lookup = resolve("example.test");

        assertThat(dns.queries()).hasSize(DnsConfig.MAX_QUERIES_PER_CHECK);
        assertThat(lookup).hasToString("example.test: found mx=true addresses=[127.0.0.11, 127.0.0.12, 127.0.0.13, "
            + "127.0.0.14] limited (query limit reached, not asked: mx4.example.test/AAAA, mx5.example.test/A, "
            + "mx5.example.test/AAAA)");
        assertThat(lookup.limited()).isTrue();
    }

    @Test
    void aUnicodeDomainIsLookedUpAsItsALabel() {
        dns.addressRecord("xn--bcher-kva.test", "127.0.0.5");

        DomainLookup lookup = resolve("Bücher.test");

        assertThat(lookup.domain()).isEqualTo("xn--bcher-kva.test");
        assertThat(lookup.status()).isEqualTo(Status.FOUND);
    }

    @Test
    void aNameThatIsNoDomainIsNxdomainWithoutAnyQuery() {
        DomainLookup lookup = resolve("bad..name");

        assertThat(lookup.status()).isEqualTo(Status.NXDOMAIN);
        assertThat(lookup.detail()).startsWith("not a domain name");
        assertThat(dns.queries()).isEmpty();
    }

    private DomainLookup resolve(String domain) {
        return result(verifier.resolveDomain(domain));
    }
}
