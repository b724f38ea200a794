package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import javax.mail.internet.MimeMessage;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every rejecting check of SPEC §1 in report-only mode: the message is accepted and delivered with an
 * {@code X-Guard-Report-Only} header naming the check and the reply it would have sent, the audit log
 * says {@code verdict=report-only}, and screening never happens.
 */
class AuthPolicyReportOnlyIT {
    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String PASSWORD = "secret-pw";
    static final String SENDER_GATE = "org.jamesguard.hooks.smtp.SenderGate";
    static final String AUTH_GATE = "org.jamesguard.hooks.smtp.AuthGate";
    static final String PROBES = "smtp-probes";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><network><lanIps>127.0.0.60/32</lanIps></network></jamesguard>")
        .listenerElement(MX, "auth/announce", "always")
        .handler(MX, AUTH_GATE, "<noAuth><mode>report-only</mode></noAuth>")
        .handler(MX, SENDER_GATE, "<localSenders><mode>report-only</mode></localSenders>"
            + "<localIps><mode>report-only</mode></localIps><privilegedSenders><mode>report-only</mode></privilegedSenders>"
            + "<popBeforeSmtp><mode>report-only</mode></popBeforeSmtp>")
        .handler(SUBMISSION, AUTH_GATE, "<failedAuth><mode>report-only</mode><limit>2</limit></failedAuth>")
        .handler(SUBMISSION, SENDER_GATE, "<senderOwnership><mode>report-only</mode></senderOwnership>"
            + "<fromOwnership><mode>report-only</mode></fromOwnership>")
        .cloneListener(MX, PROBES)
        .handler(PROBES, AUTH_GATE, "<noAuth><mode>enforce</mode></noAuth><authProbes><mode>report-only</mode><limit>2</limit></authProbes>")
        .user(ALICE, PASSWORD)
        .user(BOB, PASSWORD)
        .user("postmaster@example.test", PASSWORD)
        .build();

    @Test
    void a1AndA10_unauthenticatedLocalSenderIsOnlyReported() throws Exception {
        MimeMessage delivered = sendFromMx("127.0.0.7", ALICE, "report a1");

        assertThat(delivered.getHeader("X-Guard-Report-Only")).containsExactlyInAnyOrder(
            "local-sender-requires-auth; would-reply=\"530 5.7.0 Authentication required\"",
            "pop-before-smtp; would-reply=\"530 5.7.0 Authentication required (or a recent POP3 login from this address)\"");
        assertThat(james.log()).contains("check=local-sender-requires-auth verdict=report-only reply=\"530 5.7.0 Authentication required\"");
    }

    @Test
    void a4_sessionFromALocalIpIsOnlyReported() throws Exception {
        MimeMessage delivered = sendFromMx("127.0.0.60", "someone@remote.test", "report a4");

        assertThat(delivered.getHeader("X-Guard-Report-Only"))
            .containsExactly("local-ip-requires-auth; would-reply=\"530 5.7.0 Authentication required\"");
    }

    @Test
    void a9_privilegedSenderIsOnlyReported() throws Exception {
        MimeMessage delivered = sendFromMx("127.0.0.1", "postmaster@example.test", "report a9");

        assertThat(delivered.getHeader("X-Guard-Report-Only"))
            .containsExactly("privileged-sender-requires-auth; would-reply=\"530 5.7.0 Authentication required\"");
    }

    @Test
    void a5AndA6_unownedReturnPathAndFromAreOnlyReported() throws Exception {
        String message = Messages.withFrom("From: <" + BOB + ">", BOB, "report a5 a6");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(BOB, BOB, message)).hasToString("250 2.6.0 Message received");
        }

        assertThat(james.imap(BOB, PASSWORD).awaitSubject("report a5 a6").getHeader("X-Guard-Report-Only")).containsExactly(
            "sender-owned-by-auth-user; would-reply=\"550 5.7.1 Sender address not owned by authenticated user\"",
            "from-owned-by-auth-user; would-reply=\"550 5.7.1 From: header address not owned by authenticated user\"");
    }

    @Test
    void a11_authOnTheMxIsOnlyReported() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.9")) {
            client.ehlo("outside.test");
            assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("235 2.7.0 Authentication successful");
        }
        assertThat(james.log()).contains("check=auth-not-offered verdict=report-only reply=\"500 5.5.1 Command unrecognized\"");
    }

    @Test
    void a12_authProbesAreOnlyReportedAndNeverScreen() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (SmtpClient client = james.smtp(PROBES, "127.0.0.36")) {
                assertThat(client.greeting().code()).isEqualTo(220);
                client.ehlo("outside.test");
                assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("500 5.5.1 Command unrecognized");
            }
        }
        assertThat(james.log()).contains("check=auth-probes-screen verdict=report-only");
        assertThat(james.webAdmin().get("/guard/screen").json().findValuesAsText("ip")).doesNotContain("127.0.0.36");
    }

    @Test
    void a13_failedAuthIsOnlyReportedAndNeverScreens() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.35")) {
                assertThat(client.greeting().code()).isEqualTo(220);
                assertThat(client.login(ALICE, "wrong")).hasToString("535 5.7.8 Authentication credentials invalid");
            }
        }
        assertThat(james.log()).contains("check=failed-auth-screen verdict=report-only");
        assertThat(james.webAdmin().get("/guard/screen").json().findValuesAsText("ip")).doesNotContain("127.0.0.35");
    }

    private static MimeMessage sendFromMx(String sourceIp, String sender, String subject) {
        try (SmtpClient client = james.smtp(MX, sourceIp)) {
            client.ehlo("client.test");
            assertThat(client.send(sender, BOB, Messages.simple(sender, BOB, subject))).hasToString("250 2.6.0 Message received");
        }
        return james.imap(BOB, PASSWORD).awaitSubject(subject);
    }
}
