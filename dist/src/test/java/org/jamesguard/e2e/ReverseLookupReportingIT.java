package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.e2e.OutsideHosts.ALICE;
import static org.jamesguard.e2e.OutsideHosts.PASSWORD;
import static org.jamesguard.e2e.OutsideHosts.mailServer;
import static org.jamesguard.harness.JamesExtension.MX;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * SPEC B1–B13 at their defaults, against a real James: failed checks only add their warning header, every
 * message of an outside session carries the RFC 8601 iprev result, planted copies of both are removed,
 * and pipelined commands wait for their lookups. That no DNS answer holds up the event loop is
 * {@link DnsNeverHoldsTheEventLoopIT}'s to prove.
 */
class ReverseLookupReportingIT {
    private static final String HOST = "mx.example.test";
    private static final String WARNING = "X-Guard-Reverse-Lookup";
    private static final String RESULTS = "Authentication-Results";

    @RegisterExtension
    static JamesExtension james = OutsideHosts.james(HOST)
        .listenerElement(MX, "ioWorkerCount", "1")
        .handler(MX, "org.jamesguard.hooks.smtp.ReverseLookupGate",
            "<mailFrom><exists><mode>report-only</mode></exists><hasMx><mode>report-only</mode></hasMx></mailFrom>")
        .dnsTimeout(Duration.ofSeconds(3))
        .build();

    private final TestDnsServer dns = james.dns();

    @Test
    void B1_everyMessageOfAConfirmedClientCarriesIprevPassAndNoWarning() throws Exception {
        String host = mailServer(dns, "127.0.0.60");

        try (SmtpClient client = james.smtp(MX, "127.0.0.60")) {
            client.ehlo(host);
            client.send("bounce@" + host, ALICE, Messages.simple("bounce@" + host, ALICE, "first of a session"));
            client.send("bounce@" + host, ALICE, Messages.simple("bounce@" + host, ALICE, "second of a session"));
        }

        for (String subject : List.of("first of a session", "second of a session")) {
            MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject(subject);
            assertThat(received.getHeader(RESULTS)).as(subject).containsExactly(HOST + "; iprev=pass policy.iprev=127.0.0.60");
            assertThat(received.getHeader(WARNING)).as(subject).isNull();
        }
    }

    @Test
    void B2_B6_B10_failedChecksOnlyWarnInHeadersByDefault() throws Exception {
        dns.addressRecord("forged61.example.net", "127.0.0.99")
            .mx("elsewhere61.example.org", 10, "mx.elsewhere61.example.org")
            .addressRecord("mx.elsewhere61.example.org", "127.0.0.99");

        try (SmtpClient client = james.smtp(MX, "127.0.0.61")) {
            assertThat(client.ehlo("forged61.example.net").code()).isEqualTo(250);
            assertThat(client.send("someone@elsewhere61.example.org", ALICE,
                Messages.simple("someone@elsewhere61.example.org", ALICE, "warned"))).hasToString("250 2.6.0 Message received");
        }

        MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject("warned");
        assertThat(received.getHeader(RESULTS)).containsExactly(HOST + "; iprev=permerror policy.iprev=127.0.0.61");
        assertThat(received.getHeader(WARNING)).containsExactly(
            "ptr-exists=fail; ip=127.0.0.61; detail=\"no PTR record\"",
            "forward-confirmed-ptr=fail; ip=127.0.0.61; detail=\"no PTR record\"",
            "helo-resolves-to-client=fail; ip=127.0.0.61; detail=\"forged61.example.net does not resolve to 127.0.0.61\"",
            "mail-domain-resolves-to-client=fail; ip=127.0.0.61; "
                + "detail=\"elsewhere61.example.org does not resolve to 127.0.0.61\"");
    }

    @Test
    void B3_anUnconfirmedPtrOnlyWarnsByDefault() throws Exception {
        dns.ptr("127.0.0.62", "liar62.example.net").addressRecord("liar62.example.net", "127.0.0.99")
            .addressRecord("helo62.example.net", "127.0.0.62").mx("helo62.example.net", 10, "helo62.example.net");

        try (SmtpClient client = james.smtp(MX, "127.0.0.62")) {
            client.ehlo("helo62.example.net");
            client.send("bounce@helo62.example.net", ALICE, Messages.simple("bounce@helo62.example.net", ALICE, "unconfirmed"));
        }

        MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject("unconfirmed");
        assertThat(received.getHeader(RESULTS)).containsExactly(HOST + "; iprev=fail policy.iprev=127.0.0.62");
        assertThat(received.getHeader(WARNING)).containsExactly(
            "forward-confirmed-ptr=fail; ip=127.0.0.62; detail=\"liar62.example.net does not resolve to 127.0.0.62\"");
    }

    @Test
    void B11_B12_inReportOnlyModeARefusalBecomesItsWarningHeader() throws Exception {
        String host = mailServer(dns, "127.0.0.63");
        dns.nullMx("null-mx63.example.org").addressRecord("null-mx63.example.org", "127.0.0.63");

        try (SmtpClient client = james.smtp(MX, "127.0.0.63")) {
            client.ehlo(host);
            assertThat(client.send("someone@nowhere63.example.org", ALICE,
                Messages.simple("someone@nowhere63.example.org", ALICE, "from nowhere"))).hasToString("250 2.6.0 Message received");
            assertThat(client.send("someone@null-mx63.example.org", ALICE,
                Messages.simple("someone@null-mx63.example.org", ALICE, "from a null MX"))).hasToString("250 2.6.0 Message received");
        }

        assertThat(james.imap(ALICE, PASSWORD).awaitSubject("from nowhere").getHeader(WARNING)).containsExactly(
            "mail-domain-exists=fail; ip=127.0.0.63; detail=\"nowhere63.example.org: no such domain\"",
            "mail-domain-resolves-to-client=fail; ip=127.0.0.63; "
                + "detail=\"nowhere63.example.org does not resolve to 127.0.0.63 (no such domain)\"");
        assertThat(james.imap(ALICE, PASSWORD).awaitSubject("from a null MX").getHeader(WARNING)).containsExactly(
            "mail-domain-has-mx=fail; ip=127.0.0.63; detail=\"null-mx63.example.org: null MX, the domain accepts no mail\"");
    }

    @Test
    void aServfailOnlyWarnsWhenTheCheckDoesNotEnforce() throws Exception {
        dns.servfail(TestDnsServer.reverseName("127.0.0.64")).addressRecord("helo64.example.net", "127.0.0.64")
            .mx("helo64.example.net", 10, "helo64.example.net");

        try (SmtpClient client = james.smtp(MX, "127.0.0.64")) {
            client.ehlo("helo64.example.net");
            assertThat(client.send("bounce@helo64.example.net", ALICE,
                Messages.simple("bounce@helo64.example.net", ALICE, "servfail"))).hasToString("250 2.6.0 Message received");
        }

        MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject("servfail");
        assertThat(received.getHeader(RESULTS)).containsExactly(HOST + "; iprev=temperror policy.iprev=127.0.0.64");
        assertThat(received.getHeader(WARNING)).containsExactly(
            "ptr-exists=temperror; ip=127.0.0.64; detail=\"64.0.0.127.in-addr.arpa/PTR: SERVFAIL\"",
            "forward-confirmed-ptr=temperror; ip=127.0.0.64; detail=\"64.0.0.127.in-addr.arpa/PTR: SERVFAIL\"");
    }

    @Test
    void aTimeoutOnlyWarnsWhenTheCheckDoesNotEnforce() throws Exception {
        String host = mailServer(dns, "127.0.0.65");
        dns.drop("slow65.example.net");

        try (SmtpClient client = james.smtp(MX, "127.0.0.65")) {
            client.ehlo("slow65.example.net");
            assertThat(client.send("bounce@" + host, ALICE, Messages.simple("bounce@" + host, ALICE, "timeout")))
                .hasToString("250 2.6.0 Message received");
        }

        assertThat(james.imap(ALICE, PASSWORD).awaitSubject("timeout").getHeader(WARNING)).containsExactly(
            "helo-resolves-to-client=temperror; ip=127.0.0.65; detail=\"slow65.example.net: slow65.example.net/A: timeout, "
                + "slow65.example.net/AAAA: timeout, slow65.example.net/MX: timeout\"");
    }

    @Test
    void fieldsPlantedByAClientAreRemovedAndOtherHostsResultsKept() throws Exception {
        String host = mailServer(dns, "127.0.0.66");

        try (SmtpClient client = james.smtp(MX, "127.0.0.66")) {
            client.ehlo(host);
            client.send("bounce@" + host, ALICE, planted("bounce@" + host, "planted"));
        }

        MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject("planted");
        assertThat(received.getHeader(RESULTS)).containsExactly(
            "relay.example.org; spf=pass smtp.mailfrom=example.org", HOST + "; iprev=pass policy.iprev=127.0.0.66");
        assertThat(received.getHeader(WARNING)).isNull();
    }

    @Test
    void aTrustedClientIsNeverLookedUpAndKeepsItsFields() throws Exception {
        try (SmtpClient client = james.smtp(MX, "127.0.0.1")) {
            client.ehlo("relay.internal");
            client.send("someone@example.org", ALICE, planted("someone@example.org", "from inside"));
        }

        MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject("from inside");
        assertThat(received.getHeader(RESULTS)).containsExactly(
            HOST + "; iprev=pass policy.iprev=192.0.2.1", "relay.example.org; spf=pass smtp.mailfrom=example.org");
        assertThat(received.getHeader(WARNING)).containsExactly("ptr-exists=pass");
        assertThat(dns.queryCount(TestDnsServer.reverseName("127.0.0.1"), Type.PTR)).isZero();
    }

    @Test
    void pipelinedCommandsWaitForTheirLookupsAndAreAnsweredInOrder() throws Exception {
        String host = mailServer(dns, "127.0.0.67");
        dns.delayAll(Duration.ofMillis(300));

        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.67"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), james.port(MX)));
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            List<String> replies = new ArrayList<>(List.of(lastLine(in)));

            out.write(("EHLO " + host + "\r\nMAIL FROM:<bounce@" + host + ">\r\nRCPT TO:<" + ALICE + ">\r\nDATA\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 4; i++) {
                replies.add(lastLine(in));
            }
            out.write((Messages.simple("bounce@" + host, ALICE, "pipelined") + "\r\n.\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            replies.add(lastLine(in));
            replies.add(lastLine(in));

            assertThat(replies).extracting(line -> line.substring(0, 3))
                .containsExactly("220", "250", "250", "250", "354", "250", "221");
        }
        assertThat(james.imap(ALICE, PASSWORD).awaitSubject("pipelined").getHeader(RESULTS))
            .containsExactly(HOST + "; iprev=pass policy.iprev=127.0.0.67");
    }

    private static String planted(String from, String subject) {
        return RESULTS + ": " + HOST + "; iprev=pass policy.iprev=192.0.2.1\r\n"
            + RESULTS + ": relay.example.org; spf=pass smtp.mailfrom=example.org\r\n"
            + WARNING + ": ptr-exists=pass\r\n"
            + Messages.simple(from, ALICE, subject);
    }

    /** The last line of the next reply ({@code 250 ...} after {@code 250-...} lines). */
    private static String lastLine(BufferedReader in) throws Exception {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        assertThat(line).as("a reply before the server closed").isNotNull();
        return line;
    }
}
