package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.e2e.OutsideHosts.ALICE;
import static org.jamesguard.e2e.OutsideHosts.PASSWORD;
import static org.jamesguard.e2e.OutsideHosts.mailServer;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.net.InetAddress;

import javax.mail.internet.MimeMessage;

import org.jamesguard.core.testing.TestAddresses;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Type;

/**
 * SPEC B1–B13 enforcing, against a real James: on the MX listener every check refuses, and the PTR and
 * HELO checks decide at HELO (authenticated sessions not exempt); on the submission listener the PTR
 * check decides at MAIL so that authenticated sessions are exempt, and the not-found replies take
 * their options (501, close). Each test plays its own client address.
 */
class ReverseLookupEnforcingIT {
    private static final String GATE = "org.jamesguard.hooks.smtp.ReverseLookupGate";
    private static final String HOST = "mx.example.test";
    private static final String TEMPORARY_DNS_FAILURE = "451 4.4.3 Temporary DNS failure, try again later";

    @RegisterExtension
    static JamesExtension james = OutsideHosts.james(HOST)
        .handler(MX, GATE, "<ptr><exists><mode>enforce</mode></exists>"
            + "<forwardConfirmed><mode>enforce</mode></forwardConfirmed>"
            + "<exemptAuthenticated>false</exemptAuthenticated><exclusions>127.0.0.40</exclusions></ptr>"
            + "<helo><resolvesToClient><mode>enforce</mode></resolvesToClient><exists><mode>enforce</mode></exists>"
            + "<exemptAuthenticated>false</exemptAuthenticated>"
            + "<exclusions>127.0.0.41, trusted-helo.example.net, *.partner.example.net</exclusions></helo>"
            + "<mailFrom><resolvesToClient><mode>enforce</mode></resolvesToClient><hasMx><mode>enforce</mode></hasMx>"
            + "<exists><mode>enforce</mode></exists><exclusions>127.0.0.44, partner.example.org</exclusions></mailFrom>")
        .handler(SUBMISSION, GATE, "<ptr><exists><mode>enforce</mode></exists>"
            + "<forwardConfirmed><mode>off</mode></forwardConfirmed></ptr>"
            + "<helo><resolvesToClient><mode>off</mode></resolvesToClient>"
            + "<exists><mode>enforce</mode><reply>501</reply><close>true</close></exists></helo>"
            + "<mailFrom><resolvesToClient><mode>off</mode></resolvesToClient>"
            + "<exists><mode>enforce</mode><reply>501</reply><close>true</close></exists></mailFrom>")
        .build();

    private final TestDnsServer dns = james.dns();

    @Test
    void B1_aMailServerWhoseNamesAllResolveToItIsAcceptedAndItsMessageCarriesIprevPass() throws Exception {
        String host = mailServer(dns, "127.0.0.20");

        try (SmtpClient client = james.smtp(MX, "127.0.0.20")) {
            assertThat(client.ehlo(host).code()).isEqualTo(250);
            assertThat(client.send("bounce@" + host, ALICE, Messages.simple("bounce@" + host, ALICE, "from a good host")))
                .hasToString("250 2.6.0 Message received");
        }

        MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject("from a good host");
        assertThat(received.getHeader("Authentication-Results"))
            .containsExactly(HOST + "; iprev=pass policy.iprev=127.0.0.20");
        assertThat(received.getHeader("X-Guard-Reverse-Lookup")).isNull();
    }

    @Test
    void B2_aClientWithoutPtrIsRefusedAtHeloAndTheSessionCloses() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.21")) {
            assertThat(client.ehlo("mail21.example.net")).hasToString("501 5.7.25 Client host has no PTR record");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void B3_aPtrNameThatDoesNotResolveBackIsRefusedAndTheSessionCloses() {
        dns.ptr("127.0.0.22", "liar22.example.net").addressRecord("liar22.example.net", "127.0.0.99");

        try (SmtpClient client = james.smtp(MX, "127.0.0.22")) {
            assertThat(client.ehlo("liar22.example.net"))
                .hasToString("501 5.7.25 Client host name does not resolve back to its address");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void B3_aPtrRecordReachedThroughACnameIsFollowedAndConfirmed() throws Exception {
        // RFC 2317 classless delegation: the reverse name is an alias into the delegated zone
        Name delegated = Name.fromString("23.16/28.0.0.127.in-addr.arpa.");
        dns.cname(TestDnsServer.reverseName("127.0.0.23"), delegated.toString())
            .add(new PTRRecord(delegated, DClass.IN, TestDnsServer.TTL, Name.fromString("mail23.example.net.")))
            .addressRecord("mail23.example.net", "127.0.0.23");

        try (SmtpClient client = james.smtp(MX, "127.0.0.23")) {
            assertThat(client.ehlo("mail23.example.net").code()).isEqualTo(250);
        }
    }

    @Test
    void B3_oneOfSeveralPtrNamesResolvingBackIsEnough() {
        dns.ptr("127.0.0.24", "a-stale24.example.net").addressRecord("a-stale24.example.net", "127.0.0.99")
            .ptr("127.0.0.24", "b-mail24.example.net").addressRecord("b-mail24.example.net", "127.0.0.24");

        try (SmtpClient client = james.smtp(MX, "127.0.0.24")) {
            assertThat(client.ehlo("b-mail24.example.net").code()).isEqualTo(250);
        }
    }

    @Test
    void B6_aHeloNameResolvingToTheClientByAaaaByMxOrAsItsAddressLiteralIsAccepted() throws Exception {
        mailServer(dns, "127.0.0.25");
        // the client is IPv4 on loopback: its AAAA record is the IPv4-mapped form, which counts as the IPv4 address
        InetAddress mapped = TestAddresses.ipv4Mapped("127.0.0.25");
        dns.add(new AAAARecord(Name.fromString("v6-25.example.net."), DClass.IN, TestDnsServer.TTL, mapped))
            .mx("mx-routed25.example.net", 10, "relay25.example.net").addressRecord("relay25.example.net", "127.0.0.25");

        try (SmtpClient client = james.smtp(MX, "127.0.0.25")) {
            assertThat(client.ehlo("v6-25.example.net").code()).as("by AAAA").isEqualTo(250);
            assertThat(client.ehlo("mx-routed25.example.net").code()).as("by MX").isEqualTo(250);
            assertThat(client.ehlo("[127.0.0.25]").code()).as("address literal").isEqualTo(250);
            assertThat(client.helo("mail25.example.net").code()).as("by A").isEqualTo(250);
        }
    }

    @Test
    void B7_aForgedHeloIsRefusedAndTheSessionCloses() {
        mailServer(dns, "127.0.0.29");
        dns.addressRecord("someone-else29.example.net", "127.0.0.99");

        try (SmtpClient client = james.smtp(MX, "127.0.0.29")) {
            assertThat(client.ehlo("someone-else29.example.net"))
                .hasToString("501 5.7.1 HELO name does not resolve to the client address");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void B7_anAddressLiteralOfAnotherHostIsAForgedHelo() {
        mailServer(dns, "127.0.0.28");

        try (SmtpClient client = james.smtp(MX, "127.0.0.28")) {
            assertThat(client.ehlo("[127.0.0.99]")).hasToString("501 5.7.1 HELO name does not resolve to the client address");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void B8_aHeloDomainThatDoesNotExistGets451AndTheSessionGoesOn() {
        String host = mailServer(dns, "127.0.0.30");

        try (SmtpClient client = james.smtp(MX, "127.0.0.30")) {
            assertThat(client.ehlo("nowhere30.example.net")).hasToString("451 4.1.8 HELO domain not found");
            assertThat(client.ehlo(host).code()).isEqualTo(250);
        }
    }

    @Test
    void B10_aSenderDomainThatDoesNotResolveToTheClientIsRefusedAndTheSessionCloses() {
        String host = mailServer(dns, "127.0.0.31");
        dns.mx("other31.example.org", 10, "mx.other31.example.org").addressRecord("mx.other31.example.org", "127.0.0.99");

        try (SmtpClient client = james.smtp(MX, "127.0.0.31")) {
            client.ehlo(host);
            assertThat(client.mailFrom("someone@other31.example.org"))
                .hasToString("501 5.7.1 Sender domain does not resolve to the client address");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void B12_aSenderDomainThatDoesNotExistGets451AndTheSessionGoesOn() {
        String host = mailServer(dns, "127.0.0.32");

        try (SmtpClient client = james.smtp(MX, "127.0.0.32")) {
            client.ehlo(host);
            assertThat(client.mailFrom("someone@nowhere32.example.org")).hasToString("451 4.1.8 Sender domain not found");
            assertThat(client.mailFrom("bounce@" + host).code()).isEqualTo(250);
        }
    }

    @Test
    void B11_aSenderDomainWithAnAddressButNoMxIsRefusedWhenTheOptionIsOn() {
        String host = mailServer(dns, "127.0.0.33");
        dns.addressRecord("a-only33.example.org", "127.0.0.33");

        try (SmtpClient client = james.smtp(MX, "127.0.0.33")) {
            client.ehlo(host);
            assertThat(client.mailFrom("someone@a-only33.example.org")).hasToString("550 5.1.8 Sender domain has no MX record");
        }
    }

    @Test
    void B11_aSenderDomainWithANullMxIsRefused() {
        String host = mailServer(dns, "127.0.0.34");
        dns.nullMx("null-mx34.example.org").addressRecord("null-mx34.example.org", "127.0.0.34");

        try (SmtpClient client = james.smtp(MX, "127.0.0.34")) {
            client.ehlo(host);
            assertThat(client.mailFrom("someone@null-mx34.example.org"))
                .hasToString("550 5.7.27 Sender domain does not accept mail (null MX)");
        }
    }

    @Test
    void aServfailOnThePtrQueryIsATemporaryRefusal() {
        dns.servfail(TestDnsServer.reverseName("127.0.0.36"));

        try (SmtpClient client = james.smtp(MX, "127.0.0.36")) {
            assertThat(client.ehlo("mail36.example.net")).hasToString(TEMPORARY_DNS_FAILURE);
        }
    }

    @Test
    void aTimeoutOnTheSenderDomainIsATemporaryRefusal() {
        String host = mailServer(dns, "127.0.0.37");
        dns.drop("slow37.example.org");

        try (SmtpClient client = james.smtp(MX, "127.0.0.37")) {
            client.ehlo(host);
            assertThat(client.mailFrom("someone@slow37.example.org")).hasToString(TEMPORARY_DNS_FAILURE);
            assertThat(client.mailFrom("bounce@" + host).code()).as("the session goes on").isEqualTo(250);
        }
    }

    @Test
    void B5_anIpOnThePtrExclusionListIsNeitherLookedUpNorRefused() {
        dns.addressRecord("host40.example.net", "127.0.0.40");

        try (SmtpClient client = james.smtp(MX, "127.0.0.40")) {
            assertThat(client.ehlo("host40.example.net").code()).isEqualTo(250);
        }
        assertThat(dns.queryCount(TestDnsServer.reverseName("127.0.0.40"), Type.PTR)).isZero();
    }

    @Test
    void B9_heloExclusionsByIpByHostAndByDomainWildcardAcceptAForgedHelo() {
        for (String ip : new String[] {"127.0.0.41", "127.0.0.42", "127.0.0.43"}) {
            mailServer(dns, ip);
        }
        dns.addressRecord("trusted-helo.example.net", "127.0.0.99").addressRecord("mx.partner.example.net", "127.0.0.99");

        try (SmtpClient byIp = james.smtp(MX, "127.0.0.41");
             SmtpClient byHost = james.smtp(MX, "127.0.0.42");
             SmtpClient byWildcard = james.smtp(MX, "127.0.0.43")) {
            assertThat(byIp.ehlo("nowhere41.example.net").code()).isEqualTo(250);
            assertThat(byHost.ehlo("trusted-helo.example.net").code()).isEqualTo(250);
            assertThat(byWildcard.ehlo("mx.partner.example.net").code()).isEqualTo(250);
        }
    }

    @Test
    void B13_senderExclusionsByIpAndByDomainAcceptAMismatchingSender() {
        String fromExcludedIp = mailServer(dns, "127.0.0.44");
        String fromOtherIp = mailServer(dns, "127.0.0.45");
        dns.mx("partner.example.org", 10, "mx.partner.example.org").addressRecord("mx.partner.example.org", "127.0.0.99")
            .mx("elsewhere44.example.org", 10, "mx.partner.example.org");

        try (SmtpClient byIp = james.smtp(MX, "127.0.0.44");
             SmtpClient byDomain = james.smtp(MX, "127.0.0.45")) {
            byIp.ehlo(fromExcludedIp);
            byDomain.ehlo(fromOtherIp);
            assertThat(byIp.mailFrom("someone@elsewhere44.example.org").code()).isEqualTo(250);
            assertThat(byDomain.mailFrom("someone@partner.example.org").code()).isEqualTo(250);
        }
    }

    @Test
    void aTrustedClientIsNeverLookedUp() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.1")) {
            assertThat(client.ehlo("nowhere.example.net").code()).isEqualTo(250);
            assertThat(client.mailFrom("someone@nowhere.example.org").code()).isEqualTo(250);
        }
        assertThat(dns.queryCount(TestDnsServer.reverseName("127.0.0.1"), Type.PTR)).isZero();
        assertThat(dns.queryCount("nowhere.example.net", Type.A)).isZero();
        assertThat(dns.queryCount("nowhere.example.org", Type.MX)).isZero();
    }

    @Test
    void B4_B9_B13_anAuthenticatedSessionIsExemptWhileAnUnauthenticatedOneIsRefusedAtMail() {
        try (SmtpClient authenticated = james.smtp(SUBMISSION, "127.0.0.50")) {
            authenticated.ehlo("nowhere50.example.net");
            assertThat(authenticated.startTls().code()).isEqualTo(220);
            assertThat(authenticated.ehlo("nowhere50.example.net").code()).isEqualTo(250);
            assertThat(authenticated.authPlain(ALICE, PASSWORD).code()).isEqualTo(235);
            // example.test, local to James, is unknown to the test DNS server: checked, it would not exist
            assertThat(authenticated.send(ALICE, ALICE, Messages.simple(ALICE, ALICE, "exempt")))
                .hasToString("250 2.6.0 Message received");
        }
        try (SmtpClient unauthenticated = james.smtp(SUBMISSION, "127.0.0.51")) {
            assertThat(unauthenticated.ehlo("nowhere51.example.net").code()).as("decided at MAIL").isEqualTo(250);
            assertThat(unauthenticated.mailFrom("someone@nowhere51.example.org"))
                .hasToString("501 5.7.25 Client host has no PTR record");
            assertThat(unauthenticated.awaitClosed()).isTrue();
        }
    }

    @Test
    void B8_aHeloDomainThatDoesNotExistGets501AndCloseWhenConfigured() {
        mailServer(dns, "127.0.0.52");

        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.52")) {
            assertThat(client.ehlo("nowhere52.example.net").code()).isEqualTo(250);
            assertThat(client.mailFrom("bounce@mail52.example.net")).hasToString("501 5.1.8 HELO domain not found");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void B12_aSenderDomainThatDoesNotExistGets501AndCloseWhenConfigured() {
        String host = mailServer(dns, "127.0.0.53");

        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.53")) {
            client.ehlo(host);
            assertThat(client.mailFrom("someone@nowhere53.example.org")).hasToString("501 5.1.8 Sender domain not found");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void B11_aSenderDomainWithoutMxIsAcceptedWhenTheOptionIsOff() {
        String host = mailServer(dns, "127.0.0.54");
        dns.addressRecord("a-only54.example.org", "127.0.0.99");

        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.54")) {
            client.ehlo(host);
            assertThat(client.send("someone@a-only54.example.org", ALICE,
                Messages.simple("someone@a-only54.example.org", ALICE, "no MX"))).hasToString("250 2.6.0 Message received");
        }
    }
}
