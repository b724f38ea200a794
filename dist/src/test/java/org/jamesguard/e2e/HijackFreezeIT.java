package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.time.Duration;

import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.jamesguard.core.hijack.UnfreezeTokens;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC C7 and C8 end to end: a limit freezes the account (552 and close), the frozen account can no
 * longer log in or send while mail to it is still delivered, the postmaster is told, and only an
 * authenticated postmaster (or administrator) replying with the notice's token lifts the freeze.
 * Every forgery is refused and leaves the account frozen.
 */
class HijackFreezeIT {
    static final String PASSWORD = "secret-pw";
    static final String POSTMASTER = "postmaster@example.test";
    static final String ADMIN = "admin@example.test";
    static final String ALICE = "alice@example.test";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><hijack>"
            + "<limits><reserved><max>2</max><window>60m</window></reserved></limits>"
            + "<freezeOnLimit>true</freezeOnLimit>"
            + "<rcptFailures><mode>enforce</mode><max>3</max><window>10m</window></rcptFailures>"
            + "<notice><admins>" + ADMIN + "</admins></notice>"
            + "</hijack></jamesguard>")
        .domain("other.test")
        .user(POSTMASTER, PASSWORD)
        .user("postmaster@other.test", PASSWORD)
        .user(ADMIN, PASSWORD)
        .user(ALICE, PASSWORD)
        .user("dave@example.test", PASSWORD)
        .user("erin@example.test", PASSWORD)
        .user("frank@example.test", PASSWORD)
        .build();

    @Test
    void c7_aLimitFreezesTheAccountAndTheAuthenticatedPostmasterUnfreezesItByReplying() throws Exception {
        String dave = "dave@example.test";
        try (SmtpClient earlier = james.loggedIn(SUBMISSION, "127.0.0.7", dave, PASSWORD)) {
            sendOk(dave);
            sendOk(dave);
            try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.7", dave, PASSWORD)) {
                assertThat(client.send(dave, ALICE, Messages.simple(dave, ALICE, "dave 3")))
                    .hasToString("552 5.7.1 Account frozen: sending limit reached, contact your postmaster");
                assertThat(client.awaitClosed()).isTrue();
            }
            assertThat(earlier.mailFrom(dave)).as("a session opened before the freeze")
                .hasToString("550 5.7.1 Account frozen: contact your postmaster");
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.7")) {
            assertThat(client.login(dave, PASSWORD)).hasToString("535 5.7.8 Account frozen: contact your postmaster");
        }
        sendFromOutside(dave, "to dave while frozen");

        MimeMessage notice = james.imap(POSTMASTER, PASSWORD)
            .awaitSubject("[James Guard] Account dave@example.test frozen: sending limit reached (reserved IPs)");
        String token = ((InternetAddress) notice.getReplyTo()[0]).getAddress();
        assertThat(token).matches("unfreeze-[a-z2-7]{16}-[0-9a-z]+-[a-z2-7]{26}@example\\.test");
        assertThat((String) notice.getContent()).contains("messages from reserved IPs within 1h: 2", "127.0.0.7");

        reply(POSTMASTER, token);

        james.imap(POSTMASTER, PASSWORD).awaitSubject("[James Guard] Account dave@example.test unfrozen");
        assertThat(james.webAdmin().get("/guard/frozen/" + dave).status()).isEqualTo(404);
        sendOk(dave);
        sendOk(dave);
        assertThat(james.imap(dave, PASSWORD).awaitSubject("to dave while frozen")).isNotNull();
    }

    @Test
    void c7_forgedUnfreezeRequestsAreRefusedAndTheAccountStaysFrozen() throws Exception {
        String erin = "erin@example.test";
        sendOk(erin);
        sendOk(erin);
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.7", erin, PASSWORD)) {
            assertThat(client.send(erin, ALICE, Messages.simple(erin, ALICE, "erin 3")).code()).isEqualTo(552);
        }
        String token = ((InternetAddress) james.imap(POSTMASTER, PASSWORD)
            .awaitSubject("[James Guard] Account erin@example.test frozen: sending limit reached (reserved IPs)")
            .getReplyTo()[0]).getAddress();

        try (SmtpClient outside = james.smtp(MX, "127.0.0.9")) {
            outside.ehlo("forger.test");
            assertThat(outside.mailFrom(POSTMASTER)).as("forged postmaster").hasToString("530 5.7.0 Authentication required");
            assertThat(outside.mailFrom("someone@remote.test").code()).isEqualTo(250);
            assertThat(outside.rcptTo(token)).hasToString("550 5.7.1 Unfreeze requests must come from an authenticated administrator");
        }
        try (SmtpClient trusted = james.smtp(MX, "127.0.0.1")) {
            trusted.ehlo("local.test");
            trusted.mailFrom("app@example.test");
            assertThat(trusted.rcptTo(token)).as("unauthenticated local submission")
                .hasToString("550 5.7.1 Unfreeze requests must come from an authenticated administrator");
        }
        reply(ALICE, token);
        reply("postmaster@other.test", token);
        reply(POSTMASTER, token.replaceFirst("-[a-z2-7]{26}@", "-" + "a".repeat(26) + "@"));
        reply(POSTMASTER, token.replaceFirst("unfreeze-[a-z2-7]{16}", "unfreeze-" + "b".repeat(16)));

        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> countOccurrences(james.log(), "event=unfreeze-refused") >= 4);
        assertThat(countOccurrences(james.log(), "check=unfreeze-address verdict=reject")).as("one line per refused RCPT")
            .isEqualTo(2);
        assertThat(james.log()).contains(
            "alice@example.test is neither postmaster@example.test nor an administrator",
            "postmaster@other.test is neither postmaster@example.test nor an administrator",
            "bad signature",
            "no freeze for token");
        assertThat(james.webAdmin().get("/guard/frozen/" + erin).status()).isEqualTo(200);

        reply(POSTMASTER, token);
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> james.webAdmin().get("/guard/frozen/" + erin).status() == 404);
        reply(POSTMASTER, token);
        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> countOccurrences(james.log(), "event=unfreeze-refused") >= 5);
        String localPart = token.substring(0, token.indexOf('@'));
        assertThat(james.log()).as("a replayed token").contains("no freeze for token " + UnfreezeTokens.forLog(localPart));
        // James's own SendMailHandler names the recipients of every spooled mail: only our lines are ours to keep clean
        assertThat(james.log().lines().filter(line -> line.contains("] org.jamesguard.") || line.contains("] o.j.")))
            .as("never the whole token").noneMatch(line -> line.contains(localPart));
    }

    @Test
    void c8_refusedRecipientsFreezeTheAccountAndAnAdministratorLiftsIt() throws Exception {
        String frank = "frank@example.test";
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", frank, PASSWORD)) {
            assertThat(client.mailFrom(frank).code()).isEqualTo(250);
            assertThat(client.rcptTo("nobody1@example.test").code()).isEqualTo(550);
            assertThat(client.rcptTo("nobody2@example.test").code()).isEqualTo(550);
            assertThat(client.rcptTo("nobody3@example.test"))
                .hasToString("552 5.7.1 Account frozen: too many refused recipients, contact your postmaster");
            assertThat(client.awaitClosed()).isTrue();
        }
        MimeMessage notice = james.imap(POSTMASTER, PASSWORD)
            .awaitSubject("[James Guard] Account frank@example.test frozen: too many refused recipients");
        assertThat((String) notice.getContent()).contains("This freeze needs an administrator", "refused recipients within 10m: 3");

        reply(ADMIN, ((InternetAddress) notice.getReplyTo()[0]).getAddress());

        Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> james.webAdmin().get("/guard/frozen/" + frank).status() == 404);
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.8")) {
            assertThat(client.login(frank, PASSWORD).code()).isEqualTo(235);
        }
    }

    private static void sendOk(String account) {
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.7", account, PASSWORD)) {
            assertThat(client.send(account, ALICE, Messages.simple(account, ALICE, account + " ok")))
                .hasToString("250 2.6.0 Message received");
        }
    }

    private static void sendFromOutside(String to, String subject) {
        try (SmtpClient client = james.smtp(MX, "127.0.0.9")) {
            client.ehlo("outside.test");
            assertThat(client.send("someone@remote.test", to, Messages.simple("someone@remote.test", to, subject)))
                .hasToString("250 2.6.0 Message received");
        }
    }

    /** A reply to the notice, submitted by {@code account} (authenticated) to the token address. */
    private static void reply(String account, String token) {
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.10", account, PASSWORD)) {
            assertThat(client.send(account, token, Messages.simple(account, token, "Re: frozen")))
                .hasToString("250 2.6.0 Message received");
        }
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + 1)) {
            count++;
        }
        return count;
    }
}
