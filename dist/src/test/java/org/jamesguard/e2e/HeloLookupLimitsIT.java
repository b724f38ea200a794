package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.e2e.OutsideHosts.ALICE;
import static org.jamesguard.e2e.OutsideHosts.PASSWORD;
import static org.jamesguard.e2e.OutsideHosts.mailServer;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.testing.dns.ReceivedQuery;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * Issue 12, hole 3 (SPEC H3): a client cannot make James ask DNS without bound. The MX listener keeps the
 * default HELO checks (report-only, decided at MAIL), where every new EHLO name used to start its own
 * lookup at once; the submission listener enforces them at HELO. The server-wide cap on DNS questions in
 * flight is 3, so one HELO lookup that gets no answer fills it. Each test plays its own client address.
 */
class HeloLookupLimitsIT {
    private static final String GATE = "org.jamesguard.hooks.smtp.ReverseLookupGate";
    private static final String HOST = "mx.example.test";
    private static final int PIPELINED_EHLOS = 200;
    private static final int PIPELINED_MAILS = 10;
    /** The session's HELO names looked up (3) times the questions of one domain lookup (A, AAAA, MX). */
    private static final int MOST_FLOOD_QUESTIONS = 3 * 3;

    @RegisterExtension
    static JamesExtension james = OutsideHosts.james(HOST)
        .handler(MX, GATE, "")
        .handler(SUBMISSION, GATE, "<ptr><lookup>false</lookup></ptr>"
            + "<helo><resolvesToClient><mode>enforce</mode></resolvesToClient><exists><mode>enforce</mode></exists>"
            + "<exemptAuthenticated>false</exemptAuthenticated></helo>")
        .dnsSetting("maxQuestionsInFlight", "3")
        // long, so the unanswered lookup still fills the cap when the second client comes, however loaded the machine
        .dnsTimeout(Duration.ofSeconds(20))
        .build();

    private final TestDnsServer dns = james.dns();

    @Test
    void aClientPipeliningManyEhloNamesMakesABoundedNumberOfDnsQuestions() throws Exception {
        String host = mailServer(dns, "127.0.0.81");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < PIPELINED_EHLOS; i++) {
            dns.addressRecord("flood" + i + ".example.net", "127.0.0.99");
            lines.append("EHLO flood").append(i).append(".example.net\r\n");
        }
        lines.append("EHLO ").append(host).append("\r\nQUIT\r\n");

        List<String> replies = pipeline("127.0.0.81", lines.toString());

        assertThat(replies).hasSize(1 + PIPELINED_EHLOS + 2);
        assertThat(replies.subList(1, PIPELINED_EHLOS + 2)).allMatch(reply -> reply.startsWith("250 "));
        long floodQuestions = dns.queries().stream().filter(query -> query.name().startsWith("flood")).count();
        assertThat(floodQuestions).as("DNS questions about the pipelined names").isLessThanOrEqualTo(MOST_FLOOD_QUESTIONS);
    }

    @Test
    void aHeloNameThatIsNoFullyQualifiedDomainIsJudgedWithoutAskingDns() throws Exception {
        String host = mailServer(dns, "127.0.0.82");

        try (SmtpClient client = james.smtp(MX, "127.0.0.82")) {
            assertThat(client.ehlo("-bad-.example.net").code()).isEqualTo(250);
            assertThat(client.ehlo("mail82").code()).isEqualTo(250);
            assertThat(client.send("bounce@" + host, ALICE, Messages.simple("bounce@" + host, ALICE, "not fqdn")))
                .hasToString("250 2.6.0 Message received");
        }
        try (SmtpClient enforcing = james.smtp(SUBMISSION, "127.0.0.83")) {
            assertThat(enforcing.ehlo("localhost")).hasToString("451 4.1.8 HELO domain not found");
        }

        assertThat(james.imap(ALICE, PASSWORD).awaitSubject("not fqdn").getHeader("X-Guard-Reverse-Lookup")).containsExactly(
            "helo-resolves-to-client=fail; ip=127.0.0.82; detail=\"mail82 does not resolve to 127.0.0.82 "
                + "(not a fully qualified domain name)\"");
        assertThat(dns.queries()).extracting(ReceivedQuery::name)
            .noneMatch(name -> name.equals("mail82") || name.equals("localhost") || name.startsWith("-bad-"));
    }

    @Test
    void pastTheCapOnDnsQuestionsInFlightACheckGetsTheTemporaryAnswer() throws Exception {
        dns.drop("silent84.example.net");
        String host = mailServer(dns, "127.0.0.85");

        try (Socket waiting = connect(SUBMISSION, "127.0.0.84")) {
            BufferedReader in = reader(waiting);
            lastLine(in);
            waiting.getOutputStream().write("EHLO silent84.example.net\r\n".getBytes(StandardCharsets.US_ASCII));
            waiting.getOutputStream().flush();
            Awaitility.await("the unanswered HELO lookup fills the cap").atMost(Duration.ofSeconds(10))
                .until(() -> dns.queries().stream().filter(query -> query.name().equals("silent84.example.net")).count() == 3);

            try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.85")) {
                assertThat(client.ehlo(host)).hasToString("451 4.4.3 Temporary DNS failure, try again later");
            }
            assertThat(dns.queryCount(host, Type.A)).as("the refused questions never reach DNS").isZero();
            assertThat(lastLine(in)).isEqualTo("451 4.4.3 Temporary DNS failure, try again later");
        }
        assertThat(james.webAdmin().get("/metrics").expect(200).body()).contains("jamesguard_dns_questions_refused_total");
    }

    /**
     * The same limit for MAIL FROM domains: James reads {@code "a>b"@domain} where a quick reading of the
     * argument finds no domain, and such a sender's lookup used to start untracked, one per MAIL. Each domain's
     * lookup asks for its MX host's address last: the next domain may be asked only after that.
     */
    @Test
    void aClientPipeliningMailCommandsHasOneSenderLookupInFlight() throws Exception {
        String host = mailServer(dns, "127.0.0.86");
        StringBuilder lines = new StringBuilder("EHLO " + host + "\r\n");
        for (int i = 0; i < PIPELINED_MAILS; i++) {
            dns.mx("sender" + i + ".example.org", 10, "mx.sender" + i + ".example.org")
                .addressRecord("mx.sender" + i + ".example.org", "127.0.0.99");
            lines.append("MAIL FROM:<\"a>b\"@sender").append(i).append(".example.org>\r\nRSET\r\n");
        }
        dns.delayAll(Duration.ofMillis(100));

        List<String> replies = pipeline("127.0.0.86", lines.append("QUIT\r\n").toString());

        assertThat(replies).hasSize(2 + 2 * PIPELINED_MAILS + 1);
        assertThat(replies.subList(2, 2 + 2 * PIPELINED_MAILS)).allMatch(reply -> reply.startsWith("250 "));
        // the checks only warn here, so the last MAIL is answered without waiting for its lookup to reach DNS
        String last = "sender" + (PIPELINED_MAILS - 1) + ".example.org";
        Awaitility.await("the last sender's lookup reaches DNS").atMost(Duration.ofSeconds(30))
            .until(() -> dns.queries().stream().anyMatch(query -> query.name().equals(last)));
        List<String> asked = dns.queries().stream().map(ReceivedQuery::name).collect(Collectors.toList());
        for (int i = 1; i < PIPELINED_MAILS; i++) {
            assertThat(asked.indexOf("sender" + i + ".example.org"))
                .as("sender%s.example.org asked after the lookup of sender%s.example.org ended", i, i - 1)
                .isGreaterThan(asked.lastIndexOf("mx.sender" + (i - 1) + ".example.org"));
        }
    }

    /** Sends everything in one write, then reads every reply until the server closes (after QUIT). */
    private static List<String> pipeline(String sourceIp, String lines) throws Exception {
        try (Socket socket = connect(MX, sourceIp)) {
            BufferedReader in = reader(socket);
            List<String> replies = new ArrayList<>(List.of(lastLine(in)));
            socket.getOutputStream().write(lines.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            for (String line = lastLine(in); line != null; line = lastLine(in)) {
                replies.add(line);
            }
            return replies;
        }
    }

    private static Socket connect(String listener, String sourceIp) throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(sourceIp), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), james.port(listener)));
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** The last line of the next reply ({@code 250 ...} after {@code 250-...} lines); null once the server closed. */
    private static String lastLine(BufferedReader in) throws Exception {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line;
    }
}
