package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.io.IOException;
import java.net.InetAddress;

import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.pop3.POP3Client;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, hole 6: an IP screened while it has sessions open is refused in those sessions too, at the
 * next AUTH and the next MAIL, with the screen's reply, and the session is closed; nor can it log in over
 * IMAP or POP3.
 */
class ScreenRecheckIT {
    static final String ALICE = "alice@example.test";
    static final String PASSWORD = "secret-pw";
    static final String SCREENED = "554 5.7.1 Client host blocked by the dynamic screen";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .handler(SUBMISSION, "org.jamesguard.hooks.smtp.AuthGate",
            "<failedAuth><limit>3</limit><window>10m</window><screenFor>10m</screenFor></failedAuth>")
        .user(ALICE, PASSWORD)
        .build();

    @Test
    void aSessionOpenedBeforeTheScreenIsRefusedAtAuth() {
        try (SmtpClient early = ready(james.smtp(SUBMISSION, "127.0.0.71"))) {
            screenByFailedLogins("127.0.0.71");

            assertThat(early.authPlain(ALICE, PASSWORD)).hasToString(SCREENED);
            assertThat(early.awaitClosed()).isTrue();
        }
        assertThat(james.log()).containsPattern("check=screened-ip verdict=reject reply=\"" + SCREENED + "\" session=\\S+ ip=127\\.0\\.0\\.71 ");
    }

    @Test
    void anAuthenticatedSessionOpenedBeforeTheScreenIsRefusedAtMail() {
        try (SmtpClient early = james.loggedIn(SUBMISSION, "127.0.0.72", ALICE, PASSWORD)) {
            james.webAdmin().put("/guard/screen/127.0.0.72", "{}").expect(200);

            assertThat(early.mailFrom(ALICE)).hasToString(SCREENED);
            assertThat(early.awaitClosed()).isTrue();
        }
    }

    @Test
    void anMxSessionOpenedBeforeTheScreenIsRefusedAtMail() {
        try (SmtpClient early = james.smtp(MX, "127.0.0.73")) {
            early.ehlo("remote.test");
            james.webAdmin().put("/guard/screen/127.0.0.73", "{}").expect(200);

            assertThat(early.mailFrom("someone@remote.test")).hasToString(SCREENED);
            assertThat(early.awaitClosed()).isTrue();
        }
    }

    @Test
    void aScreenedIpCannotGoOnGuessingOverImap() throws IOException {
        james.webAdmin().put("/guard/screen/127.0.0.74", "{}").expect(200);
        IMAPClient client = new IMAPClient();
        client.setDefaultTimeout(30_000);
        client.connect(InetAddress.getByName("127.0.0.1"), james.port(JamesExtension.IMAP), InetAddress.getByName("127.0.0.74"), 0);
        try {
            assertThat(client.login(ALICE, PASSWORD)).isFalse();
            String[] lines = client.getReplyStrings();
            assertThat(lines[lines.length - 1]).endsWith("NO LOGIN failed. Client host blocked by the dynamic screen");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aScreenedIpCannotGoOnGuessingOverPop3() throws IOException {
        james.webAdmin().put("/guard/screen/127.0.0.75", "{}").expect(200);
        POP3Client client = new POP3Client();
        client.setDefaultTimeout(30_000);
        client.connect(InetAddress.getByName("127.0.0.1"), james.port(JamesExtension.POP3), InetAddress.getByName("127.0.0.75"), 0);
        try {
            assertThat(client.login(ALICE, PASSWORD)).isFalse();
            assertThat(client.getReplyString().trim()).isEqualTo("-ERR Client host blocked by the dynamic screen");
        } finally {
            client.disconnect();
        }
    }

    /** EHLO and STARTTLS when offered, so the next command may be AUTH. */
    private static SmtpClient ready(SmtpClient client) {
        if (client.ehlo("client.test").lines().stream().anyMatch(line -> line.substring(4).trim().equalsIgnoreCase("STARTTLS"))) {
            client.startTls();
            client.ehlo("client.test");
        }
        return client;
    }

    /** The attacker's other sessions fail AUTH until the screen catches the IP. */
    private static void screenByFailedLogins(String ip) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (SmtpClient other = james.smtp(SUBMISSION, ip)) {
                other.login(ALICE, "wrong");
            }
        }
        assertThat(james.webAdmin().get("/guard/screen").json().findValuesAsText("ip")).contains(ip);
    }
}
