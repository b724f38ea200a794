package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.DOMAIN;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.time.Duration;

import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.WebAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The extension is wired into a real James 3.8.1: the Guice module loads, a handler, a matcher and a
 * WebAdmin route share one instance of the shared state, and mail flows from SMTP to IMAP and POP3.
 */
class FoundationIT {
    static final String ALICE = "alice@" + DOMAIN;
    static final String BOB = "bob@" + DOMAIN;

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        // the submission listener runs without the connect-time screen, so mail from a screened IP
        // reaches the mailet container, where the matcher must see the same screen
        .removeHandler(SUBMISSION, "org.jamesguard.hooks.smtp.ScreenGate")
        .user(ALICE, "alice-pw")
        .user(BOB, "bob-pw")
        .build();

    @Test
    void healthRouteReportsVersionAndStores() {
        JsonNode health = james.webAdmin().get("/guard/health").expect(200).json();

        assertThat(health.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(health.get("stores").get("backend").asText()).isEqualTo("file");
        assertThat(health.get("stores").get("failurePolicy").asText()).isEqualTo("fail-open");
        assertThat(health.get("stores").get("directory").asText()).isEqualTo(james.home().dir().resolve("var/jamesguard").toString());
        assertThat(health.get("stores").get("writes").asText()).isEqualTo("ok");
    }

    @Test
    void anIpScreenedOverWebAdminIsRefusedAtConnectByTheSmtpHandler() {
        james.webAdmin().put("/guard/screen/127.0.0.9", "{\"duration\":\"10m\",\"reason\":\"e2e\"}").expect(200);

        try (SmtpClient screened = james.smtp(MX, "127.0.0.9")) {
            assertThat(screened.greeting()).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
            assertThat(screened.readUntilClosed()).as("nothing after the 554, no 220").isEmpty();
        }
        try (SmtpClient other = james.smtp(MX, "127.0.0.10")) {
            assertThat(other.greeting().code()).isEqualTo(220);
        }
    }

    @Test
    void theMatcherSeesTheScreenTheRouteChanged() {
        james.webAdmin().put("/guard/screen/127.0.0.12", "{}").expect(200);

        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.12")) {
            client.ehlo("client.test");
            assertThat(client.startTls().code()).isEqualTo(220);
            client.ehlo("client.test");
            assertThat(client.authPlain(ALICE, "alice-pw").code()).isEqualTo(235);
            assertThat(client.send(ALICE, BOB, Messages.simple(ALICE, BOB, "held")).code()).isEqualTo(250);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> james.webAdmin().mailRepositorySize("var/mail/screened") == 1);
    }

    @Test
    void mailIsDeliveredAndReadableOverImapAndPop3() throws Exception {
        try (SmtpClient client = james.smtp(MX, "127.0.0.11")) {
            assertThat(client.ehlo("sender.test").code()).isEqualTo(250);
            assertThat(client.send("someone@remote.test", ALICE, Messages.simple("someone@remote.test", ALICE, "hello")))
                .hasToString("250 2.6.0 Message received");
        }

        MimeMessage received = james.imap(ALICE, "alice-pw").awaitSubject("hello");
        assertThat(received.getHeader("From")[0]).isEqualTo("<someone@remote.test>");
        assertThat(james.pop3(ALICE, "alice-pw").subjects()).contains("hello");
    }

    @Test
    void screenRouteRefusesBadInputAndChangesNothing() {
        WebAdmin webAdmin = james.webAdmin();

        assertThat(webAdmin.put("/guard/screen/not-an-ip", "{}").expect(400).json().get("message").asText())
            .isEqualTo("'not-an-ip' is not an IP address");
        assertThat(webAdmin.put("/guard/screen/127.0.0.20", "{\"duration\":\"-5m\"}").expect(400).json().get("message").asText())
            .contains("duration: expected a positive duration");
        assertThat(webAdmin.send("PUT", "/guard/screen/127.0.0.20", "text/plain", "{}").expect(400).json().get("message").asText())
            .startsWith("expected Content-Type: application/json");
        assertThat(webAdmin.put("/guard/screen/127.0.0.1", "{}").expect(400).json().get("message").asText())
            .isEqualTo("127.0.0.1 is a trusted IP: trusted IPs are never screened");
        assertThat(webAdmin.delete("/guard/screen/127.0.0.21").expect(404).json().get("message").asText())
            .isEqualTo("127.0.0.21 is not screened");

        assertThat(webAdmin.get("/guard/screen").json().findValuesAsText("ip")).doesNotContain("127.0.0.20", "127.0.0.1");
    }
}
