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
 * SPEC A1–A10 in their other states than the defaults, one listener per combination: A2 on, A3 off,
 * A4 off, A9 off; A1 off with POP-before-SMTP (A10) enforced; A5 off with A6 stamp-sender; A6 off with
 * gateways not exempt (A8 off).
 */
class SenderPolicyOptionsIT {
    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String PASSWORD = "secret-pw";
    static final String SENDER_GATE = "org.jamesguard.hooks.smtp.SenderGate";
    static final String AUTH_GATE = "org.jamesguard.hooks.smtp.AuthGate";
    static final String RELAXED = "smtp-relaxed";
    static final String POP_BEFORE_SMTP = "smtp-pop";
    static final String NOT_STAMPING = "smtp-a6-off";
    static final String QUIET_MX = "smtp-quiet-mx";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><network><lanIps>127.0.0.60/32</lanIps></network></jamesguard>")
        .cloneListener(MX, RELAXED)
        .listenerElement(RELAXED, "auth/announce", "always")
        .handler(RELAXED, AUTH_GATE, "<noAuth><mode>off</mode></noAuth>")
        .handler(RELAXED, SENDER_GATE, "<localSenders><exemptWhenAllRecipientsLocal>true</exemptWhenAllRecipientsLocal>"
            + "<exemptUnknownAccounts>false</exemptUnknownAccounts></localSenders>"
            + "<localIps><mode>off</mode></localIps><privilegedSenders><mode>off</mode></privilegedSenders>")
        .cloneListener(MX, POP_BEFORE_SMTP)
        .listenerElement(POP_BEFORE_SMTP, "auth/announce", "always")
        .handler(POP_BEFORE_SMTP, AUTH_GATE, "<noAuth><mode>off</mode></noAuth>")
        .handler(POP_BEFORE_SMTP, SENDER_GATE, "<localSenders><mode>off</mode></localSenders>"
            + "<popBeforeSmtp><mode>enforce</mode><window>30m</window></popBeforeSmtp>")
        .handler(SUBMISSION, SENDER_GATE, "<senderOwnership><mode>off</mode></senderOwnership>"
            + "<fromOwnership><mode>stamp-sender</mode></fromOwnership>")
        .cloneListener(SUBMISSION, NOT_STAMPING)
        .handler(NOT_STAMPING, SENDER_GATE, "<fromOwnership><mode>off</mode></fromOwnership>"
            + "<gateways><exempt>false</exempt><domains>gw.test</domains></gateways>")
        .cloneListener(MX, QUIET_MX)
        .handler(QUIET_MX, AUTH_GATE, "<noAuth><mode>enforce</mode></noAuth><authProbes><mode>off</mode></authProbes>")
        .user(ALICE, PASSWORD)
        .user(BOB, PASSWORD)
        .user("postmaster@example.test", PASSWORD)
        .build();

    @Test
    void a2_localSenderMayWriteToLocalRecipientsWithoutAuth() {
        String message = Messages.simple(ALICE, BOB, "a2 local only");
        try (SmtpClient client = james.smtp(RELAXED, "127.0.0.7")) {
            client.ehlo("outside.test");
            assertThat(client.mailFrom(ALICE).code()).isEqualTo(250);
            assertThat(client.rcptTo("someone@remote.test")).hasToString("530 5.7.0 Authentication required");
            assertThat(client.rcptTo(BOB).code()).isEqualTo(250);
            assertThat(client.data(message)).hasToString("250 2.6.0 Message received");
        }
        assertThat(james.imap(BOB, PASSWORD).awaitSubject("a2 local only")).isNotNull();
    }

    @Test
    void a3_off_localDomainSenderWithoutAccountMustAuthenticateToo() {
        try (SmtpClient client = james.smtp(RELAXED, "127.0.0.7")) {
            client.ehlo("outside.test");
            assertThat(client.mailFrom("elsewhere@example.test").code()).isEqualTo(250);
            assertThat(client.rcptTo("someone@remote.test")).hasToString("530 5.7.0 Authentication required");
        }
    }

    @Test
    void a4_off_localIpNeedsNoAuth() {
        try (SmtpClient client = james.smtp(RELAXED, "127.0.0.60")) {
            client.ehlo("lan-host.test");
            assertThat(client.mailFrom("someone@remote.test").code()).isEqualTo(250);
        }
    }

    @Test
    void a9_off_postmasterNeedsNoAuthFromATrustedIp() {
        try (SmtpClient client = james.smtp(RELAXED, "127.0.0.1")) {
            client.ehlo("trusted.test");
            assertThat(client.mailFrom("postmaster@example.test").code()).isEqualTo(250);
        }
    }

    @Test
    void a10_localSenderNeedsARecentPop3LoginFromTheSameIp() throws Exception {
        try (SmtpClient client = james.smtp(POP_BEFORE_SMTP, "127.0.0.71")) {
            client.ehlo("outside.test");
            assertThat(client.mailFrom(ALICE))
                .hasToString("530 5.7.0 Authentication required (or a recent POP3 login from this address)");
            assertThat(client.mailFrom("someone@remote.test").code()).as("not a local sender").isEqualTo(250);
        }

        james.pop3(ALICE, PASSWORD).from("127.0.0.71").read();

        try (SmtpClient client = james.smtp(POP_BEFORE_SMTP, "127.0.0.71")) {
            client.ehlo("outside.test");
            assertThat(client.mailFrom(ALICE).code()).isEqualTo(250);
        }
    }

    @Test
    void a10_authenticatedSessionsSkipPopBeforeSmtp() {
        try (SmtpClient client = james.loggedIn(POP_BEFORE_SMTP, "127.0.0.72", ALICE, PASSWORD)) {
            assertThat(client.mailFrom(ALICE).code()).isEqualTo(250);
        }
    }

    @Test
    void a11_off_authWorksWhereItIsOffered() {
        try (SmtpClient client = james.smtp(RELAXED, "127.0.0.7")) {
            assertThat(client.ehlo("outside.test").lines()).anyMatch(line -> line.contains("AUTH"));
            assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("235 2.7.0 Authentication successful");
        }
    }

    @Test
    void a12_off_authAttemptsOnTheMxAreRefusedButNeverScreen() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            try (SmtpClient client = james.smtp(QUIET_MX, "127.0.0.37")) {
                assertThat(client.greeting().code()).isEqualTo(220);
                client.ehlo("outside.test");
                assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("500 5.5.1 Command unrecognized");
            }
        }
        assertThat(james.webAdmin().get("/guard/screen").json().findValuesAsText("ip")).doesNotContain("127.0.0.37");
    }

    @Test
    void a5_off_anyReturnPathIsAccepted() {
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.mailFrom(BOB).code()).isEqualTo(250);
        }
    }

    @Test
    void a6_stampSender_acceptsAndSetsSenderToTheAccount() throws Exception {
        String message = "Sender: <forged@example.test>\r\n"
            + Messages.withFrom("From: Bob <" + BOB + ">", BOB, "a6 stamped");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message)).hasToString("250 2.6.0 Message received");
        }
        MimeMessage delivered = james.imap(BOB, PASSWORD).awaitSubject("a6 stamped");
        assertThat(delivered.getHeader("From")).containsExactly("Bob <" + BOB + ">");
        assertThat(delivered.getHeader("Sender")).containsExactly(ALICE);
    }

    @Test
    void a6_off_fromIsNotChecked() throws Exception {
        String message = Messages.withFrom("From: Bob <" + BOB + ">", BOB, "a6 unchecked");
        try (SmtpClient client = james.loggedIn(NOT_STAMPING, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message)).hasToString("250 2.6.0 Message received");
        }
        MimeMessage delivered = james.imap(BOB, PASSWORD).awaitSubject("a6 unchecked");
        assertThat(delivered.getHeader("Sender")).isNull();
    }

    @Test
    void a8_off_gatewayMailIsNotExempt() {
        try (SmtpClient client = james.loggedIn(NOT_STAMPING, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.mailFrom(BOB)).hasToString("550 5.7.1 Sender address not owned by authenticated user");
        }
    }
}
