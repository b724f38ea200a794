package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.imap.IMAPReply;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, hole 2: the account whose password was checked is gated like the account it acts for. With a
 * delegation (the owner lets another account act as it), a frozen login is refused over SMTP AUTH PLAIN
 * and IMAP AUTHENTICATE PLAIN with an authorization identity, a login acting for a frozen account too,
 * a session whose login is frozen after AUTH cannot send, and the login's own limits (messages, C5 client
 * addresses) count what it does for the other account.
 */
class DelegatedLoginFreezeIT {
    static final String PASSWORD = "secret-pw";
    static final String FROZEN = "Account frozen: contact your postmaster";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Plain-text submission (no TLS) keeps the many short logins cheap. */
    static final String PLAIN = "smtp-plain";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><hijack>"
            + "<limits><reserved><max>2</max><window>60m</window></reserved></limits>"
            + "<distinctIps><mode>enforce</mode><max>2</max><window>60m</window></distinctIps>"
            + "</hijack></jamesguard>")
        .cloneListener(MX, PLAIN)
        .listenerElement(PLAIN, "auth/announce", "always")
        .handler(PLAIN, "org.jamesguard.hooks.smtp.AuthGate", "<noAuth><mode>off</mode></noAuth>")
        .user("alice1@example.test", PASSWORD).user("bob1@example.test", PASSWORD).delegation("bob1@example.test", "alice1@example.test")
        .user("alice2@example.test", PASSWORD).user("bob2@example.test", PASSWORD).delegation("bob2@example.test", "alice2@example.test")
        .user("alice3@example.test", PASSWORD).user("bob3@example.test", PASSWORD).delegation("bob3@example.test", "alice3@example.test")
        .user("alice4@example.test", PASSWORD).user("bob4@example.test", PASSWORD).delegation("bob4@example.test", "alice4@example.test")
        .user("alice5@example.test", PASSWORD).user("bob5@example.test", PASSWORD).delegation("bob5@example.test", "alice5@example.test")
        .user("alice6@example.test", PASSWORD).user("bob6@example.test", PASSWORD).delegation("bob6@example.test", "alice6@example.test")
        .user("alice7@example.test", PASSWORD).user("bob7@example.test", PASSWORD).delegation("bob7@example.test", "alice7@example.test")
        .user("recipient@example.test", PASSWORD)
        .build();

    @Test
    void smtpAuthPlainOfAFrozenLoginActingForAnotherAccountIsRefused() {
        freeze("alice1@example.test");
        try (SmtpClient client = plain("127.0.0.81")) {
            assertThat(client.authPlain("bob1@example.test", "alice1@example.test", PASSWORD)).hasToString("535 5.7.8 " + FROZEN);
        }
        assertThat(james.log()).containsPattern(refusal("alice1@example.test", "535 5\\.7\\.8"));

        unfreeze("alice1@example.test");
        try (SmtpClient client = plain("127.0.0.81")) {
            assertThat(client.authPlain("bob1@example.test", "alice1@example.test", PASSWORD))
                .hasToString("235 2.7.0 Authentication successful");
        }
    }

    @Test
    void smtpAuthPlainActingForAFrozenAccountIsRefused() {
        freeze("bob2@example.test");
        try (SmtpClient client = plain("127.0.0.82")) {
            assertThat(client.authPlain("bob2@example.test", "alice2@example.test", PASSWORD)).hasToString("535 5.7.8 " + FROZEN);
        }
    }

    @Test
    void imapAuthenticatePlainOfAFrozenLoginWithAnAuthorizationIdentityIsRefused() {
        freeze("alice3@example.test");
        assertThat(imapAuthenticatePlain("bob3@example.test", "alice3@example.test", PASSWORD))
            .isEqualTo("NO AUTHENTICATE failed. " + FROZEN);
        unfreeze("alice3@example.test");
        assertThat(imapAuthenticatePlain("bob3@example.test", "alice3@example.test", PASSWORD))
            .isEqualTo("OK AUTHENTICATE completed.");
    }

    @Test
    void imapAuthenticatePlainActingForAFrozenAccountIsRefused() {
        freeze("bob4@example.test");
        assertThat(imapAuthenticatePlain("bob4@example.test", "alice4@example.test", PASSWORD))
            .isEqualTo("NO AUTHENTICATE failed. " + FROZEN);
        assertThat(james.log()).containsPattern(refusal("bob4@example.test", "535 5\\.7\\.8"));
    }

    @Test
    void aSessionWhoseLoginIsFrozenAfterAuthCannotSendForTheOtherAccount() {
        try (SmtpClient client = plain("127.0.0.85")) {
            assertThat(client.authPlain("bob5@example.test", "alice5@example.test", PASSWORD))
                .hasToString("235 2.7.0 Authentication successful");
            freeze("alice5@example.test");
            assertThat(client.mailFrom("bob5@example.test")).hasToString("550 5.7.1 " + FROZEN);
        }
    }

    @Test
    void messagesSentForAnotherAccountCountAgainstTheLoginsLimit() {
        for (int message = 1; message <= 2; message++) {
            try (SmtpClient client = plain("127.0.0.86")) {
                assertThat(client.authPlain("alice6@example.test", PASSWORD)).hasToString("235 2.7.0 Authentication successful");
                assertThat(client.send("alice6@example.test", "recipient@example.test",
                    Messages.simple("alice6@example.test", "recipient@example.test", "own " + message)))
                    .hasToString("250 2.6.0 Message received");
            }
        }
        try (SmtpClient client = plain("127.0.0.86")) {
            assertThat(client.authPlain("bob6@example.test", "alice6@example.test", PASSWORD))
                .hasToString("235 2.7.0 Authentication successful");
            assertThat(client.send("bob6@example.test", "recipient@example.test",
                Messages.simple("bob6@example.test", "recipient@example.test", "as bob")))
                .as("alice's third message, sent as bob").hasToString("550 5.7.1 Sending limit reached");
        }
        assertThat(james.webAdmin().get("/guard/accounts/bob6@example.test/counters").json()
            .get("messages").get("reserved").get("count").asLong())
            .as("the refused message is not counted for bob").isZero();
    }

    @Test
    void loginsForAnotherAccountCountTheLoginsClientAddresses() {
        for (String ip : new String[] {"127.0.0.87", "127.0.0.88"}) {
            try (SmtpClient client = plain(ip)) {
                assertThat(client.authPlain("alice7@example.test", PASSWORD)).hasToString("235 2.7.0 Authentication successful");
            }
        }
        try (SmtpClient client = plain("127.0.0.89")) {
            assertThat(client.authPlain("bob7@example.test", "alice7@example.test", PASSWORD))
                .as("alice's third client address, acting as bob")
                .hasToString("550 5.7.1 Account used from too many client addresses");
        }
    }

    private static SmtpClient plain(String ip) {
        SmtpClient client = james.smtp(PLAIN, ip);
        client.ehlo("client.test");
        return client;
    }

    private static void freeze(String account) {
        james.webAdmin().put("/guard/frozen/" + account, "{\"reason\":\"end-to-end test\"}").expect(201);
    }

    private static void unfreeze(String account) {
        james.webAdmin().delete("/guard/frozen/" + account).expect(204);
    }

    private static String refusal(String account, String reply) {
        return "check=frozen-account verdict=reject reply=\"" + reply + " " + FROZEN + "\" session=\\S+ ip=\\S+ "
            + "account=" + Pattern.quote(account) + " ";
    }

    /** The tagged reply (without its tag) to {@code AUTHENTICATE PLAIN} with {@code authzid NUL authcid NUL password}. */
    private static String imapAuthenticatePlain(String authorizationId, String user, String password) {
        return james.imapReply(new IMAPClient(), client -> {
            assertThat(client.sendCommand("AUTHENTICATE PLAIN")).isEqualTo(IMAPReply.CONT);
            String response = authorizationId + "\0" + user + "\0" + password;
            client.sendData(Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8)));
        });
    }
}
