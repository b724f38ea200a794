package org.jamesguard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.dns.Verifiers.result;
import static org.jamesguard.testing.dns.TestDnsServer.reverseName;

import java.net.InetAddress;

import org.jamesguard.core.testing.TestAddresses;
import org.jamesguard.core.dns.IprevResult.Status;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class VerifyClientIpTest {
    private static final String CLIENT = "127.0.0.7";

    @RegisterExtension
    static final TestDnsServer dns = Verifiers.dnsServer();

    private final DnsVerifier verifier = Verifiers.against(dns);

    @AfterEach
    void stopTransport() {
        verifier.close();
    }

    @Test
    void passesWhenThePtrNameResolvesBackToTheIpv4Address() {
        dns.ptr(CLIENT, "mail.example.test").addressRecord("mail.example.test", CLIENT);

        IprevResult result = iprev(CLIENT);

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.detail()).isEqualTo("mail.example.test");
        assertThat(result).hasToString("iprev=pass policy.iprev=127.0.0.7 (mail.example.test)");
    }

    @Test
    void passesForIpv6AskingOnlyForAaaaRecords() {
        dns.ptr("2001:db8::7", "mail6.example.test")
            .addressRecord("mail6.example.test", "2001:db8::7")
            .addressRecord("mail6.example.test", "127.0.0.7");

        IprevResult result = iprev("2001:db8::7");

        assertThat(result).hasToString("iprev=pass policy.iprev=2001:db8::7 (mail6.example.test)");
        assertThat(dns.queryCount("mail6.example.test", Type.A)).isZero();
    }

    @Test
    void anIpv4MappedIpv6AddressIsVerifiedAsIpv4() {
        dns.ptr(CLIENT, "mail.example.test").addressRecord("mail.example.test", CLIENT);

        IprevResult result = result(verifier.verifyClientIp(TestAddresses.ipv4Mapped(CLIENT)));

        assertThat(result).hasToString("iprev=pass policy.iprev=127.0.0.7 (mail.example.test)");
    }

    @Test
    void noPtrRecordIsPermerror() {
        IprevResult result = iprev(CLIENT);

        assertThat(result).hasToString("iprev=permerror policy.iprev=127.0.0.7 (no PTR record)");
        assertThat(result.ptrNames()).isEmpty();
    }

    @Test
    void aReverseNameWithoutPtrRecordIsPermerrorToo() {
        dns.add(new TXTRecord(Name.fromConstantString(reverseName(CLIENT) + "."), DClass.IN, 300, "not a PTR"));

        assertThat(iprev(CLIENT).status()).isEqualTo(Status.PERMERROR);
    }

    @Test
    void aPtrNameThatDoesNotResolveBackFails() {
        dns.ptr(CLIENT, "mail.example.test").addressRecord("mail.example.test", "127.0.0.99");

        IprevResult result = iprev(CLIENT);

        assertThat(result).hasToString(
            "iprev=fail policy.iprev=127.0.0.7 (mail.example.test does not resolve to 127.0.0.7)");
        assertThat(result.ptrNames()).containsExactly("mail.example.test");
    }

    @Test
    void aPtrNameThatDoesNotExistFails() {
        dns.ptr(CLIENT, "ghost.example.test");

        assertThat(iprev(CLIENT).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aPtrReachedThroughACnameCounts() {
        // RFC 2317 classless delegation: the reverse name is a CNAME into the customer's zone
        Name delegated = Name.fromConstantString("7.0-25.0.0.127.in-addr.arpa.");
        dns.cname(reverseName(CLIENT), delegated.toString())
            .add(new PTRRecord(delegated, DClass.IN, 300, Name.fromConstantString("mail.example.test.")))
            .addressRecord("mail.example.test", CLIENT);

        assertThat(iprev(CLIENT).status()).isEqualTo(Status.PASS);
    }

    @Test
    void oneConfirmingNameAmongSeveralIsEnough() {
        dns.ptr(CLIENT, "a.example.test").ptr(CLIENT, "b.example.test")
            .addressRecord("a.example.test", "127.0.0.99")
            .addressRecord("b.example.test", CLIENT);

        IprevResult result = iprev(CLIENT);

        assertThat(result.detail()).isEqualTo("b.example.test");
        assertThat(result.ptrNames()).containsExactly("a.example.test", "b.example.test");
    }

    @Test
    void onlyTheFirstMaxPtrNamesInDnsOrderAreTried() {
        dns.ptr(CLIENT, "c.example.test").ptr(CLIENT, "b.example.test").ptr(CLIENT, "a.example.test")
            .addressRecord("c.example.test", CLIENT);

        IprevResult result = iprev(CLIENT);

        assertThat(result).hasToString("iprev=fail policy.iprev=127.0.0.7 (a.example.test, b.example.test do not "
            + "resolve to 127.0.0.7; 1 more PTR name not tried)");
        assertThat(dns.queryCount("c.example.test", Type.A)).isZero();
    }

    @Test
    void aConfirmingNameWinsOverATemporaryFailureOfAnother() {
        dns.ptr(CLIENT, "a.example.test").ptr(CLIENT, "b.example.test")
            .servfail("a.example.test")
            .addressRecord("b.example.test", CLIENT);

        assertThat(iprev(CLIENT).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aTemporaryFailureWinsOverANameThatDoesNotConfirm() {
        dns.ptr(CLIENT, "a.example.test").ptr(CLIENT, "b.example.test")
            .servfail("a.example.test")
            .addressRecord("b.example.test", "127.0.0.99");

        assertThat(iprev(CLIENT)).hasToString("iprev=temperror policy.iprev=127.0.0.7 (a.example.test/A: SERVFAIL)");
    }

    @Test
    void servfailOnThePtrLookupIsTemperror() {
        dns.servfail(reverseName(CLIENT));

        assertThat(iprev(CLIENT)).hasToString(
            "iprev=temperror policy.iprev=127.0.0.7 (7.0.0.127.in-addr.arpa/PTR: SERVFAIL)");
    }

    @Test
    void aDroppedPtrQueryIsTemperrorOnceTheTimeoutExpires() {
        dns.drop(reverseName(CLIENT));
        try (DnsVerifier impatient = Verifiers.against(dns, Verifiers.SHORT_TIMEOUT)) {
            IprevResult result = result(impatient.verifyClientIp(IpAddresses.parse(CLIENT)));

            assertThat(result).hasToString("iprev=temperror policy.iprev=127.0.0.7 (7.0.0.127.in-addr.arpa/PTR: timeout)");
        }
    }

    @Test
    void aDroppedForwardQueryIsTemperror() {
        dns.ptr(CLIENT, "mail.example.test").drop("mail.example.test");
        try (DnsVerifier impatient = Verifiers.against(dns, Verifiers.SHORT_TIMEOUT)) {
            IprevResult result = result(impatient.verifyClientIp(IpAddresses.parse(CLIENT)));

            assertThat(result.status()).isEqualTo(Status.TEMPERROR);
            assertThat(result.ptrNames()).containsExactly("mail.example.test");
        }
    }

    private IprevResult iprev(String ip) {
        InetAddress address = IpAddresses.parse(ip);
        return result(verifier.verifyClientIp(address));
    }
}
