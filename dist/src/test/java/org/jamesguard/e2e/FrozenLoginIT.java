package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamesguard.harness.JamesExtension.MX;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.mail.AuthenticationFailedException;

import org.apache.commons.net.imap.AuthenticatingIMAPClient;
import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.pop3.POP3Client;
import org.awaitility.Awaitility;
import org.jamesguard.harness.FreePorts;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SPEC C7 on the login paths James answers itself: a frozen account cannot log in over IMAP
 * (LOGIN, AUTHENTICATE PLAIN), POP3 (PASS) or JMAP (HTTP Basic, or X-User from an authenticating proxy),
 * with the right password; a wrong password keeps James's usual failure, so a stranger does not learn of
 * the freeze. Mail to the account is still delivered, and readable once WebAdmin unfreezes it. Each
 * protocol freezes its own account, over WebAdmin.
 */
class FrozenLoginIT {
    static final String PASSWORD = "secret-pw";
    static final String IMAP_LOGIN_USER = "imap-login@example.test";
    static final String IMAP_AUTHENTICATE_USER = "imap-authenticate@example.test";
    static final String POP3_USER = "pop3@example.test";
    static final String JMAP_USER = "jmap@example.test";
    static final String JMAP_PROXIED_USER = "jmap-proxied@example.test";
    static final String RECIPIENT = "recipient@example.test";
    static final String FROZEN = "Account frozen: contact your postmaster";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Given to JMAP when the home is laid out (a free port, like the harness gives the listeners). */
    static volatile int jmapPort;

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .conf(conf -> {
            jmapPort = FreePorts.next();
            conf.jmap(jmapPort);
            // the X-User strategy trusts an authenticating proxy in front of James: one more way in
            conf.property("jmap.properties", "authentication.strategy.rfc8621", "org.jamesguard.hooks.jmap.GuardBasicAuthenticationStrategy,"
                + "org.jamesguard.hooks.jmap.GuardJwtAuthenticationStrategy,org.jamesguard.hooks.jmap.GuardXUserAuthenticationStrategy");
        })
        .user(IMAP_LOGIN_USER, PASSWORD)
        .user(IMAP_AUTHENTICATE_USER, PASSWORD)
        .user(POP3_USER, PASSWORD)
        .user(JMAP_USER, PASSWORD)
        .user(JMAP_PROXIED_USER, PASSWORD)
        .user(RECIPIENT, PASSWORD)
        .build();

    @Test
    void c7_imapLoginOfAFrozenAccountIsRefusedWithThePasswordRightOnly() {
        freeze(IMAP_LOGIN_USER);

        assertThat(imapLogin(IMAP_LOGIN_USER, PASSWORD)).isEqualTo("NO LOGIN failed. " + FROZEN);
        assertThat(imapLogin(IMAP_LOGIN_USER, "wrong")).isEqualTo("NO LOGIN failed. Invalid login/password.");
        assertThat(james.log()).containsPattern(refusal(IMAP_LOGIN_USER, "imap"));

        unfreeze(IMAP_LOGIN_USER);
        assertThat(imapLogin(IMAP_LOGIN_USER, PASSWORD)).isEqualTo("OK LOGIN completed.");
    }

    @Test
    void c7_imapAuthenticatePlainOfAFrozenAccountIsRefusedWithThePasswordRightOnly() {
        freeze(IMAP_AUTHENTICATE_USER);

        assertThat(imapAuthenticatePlain(IMAP_AUTHENTICATE_USER, PASSWORD)).isEqualTo("NO AUTHENTICATE failed. " + FROZEN);
        assertThat(imapAuthenticatePlain(IMAP_AUTHENTICATE_USER, "wrong"))
            .isEqualTo("NO AUTHENTICATE failed. Authentication failed.");
        assertThat(james.log()).containsPattern(refusal(IMAP_AUTHENTICATE_USER, "imap"));

        unfreeze(IMAP_AUTHENTICATE_USER);
        assertThat(imapAuthenticatePlain(IMAP_AUTHENTICATE_USER, PASSWORD)).isEqualTo("OK AUTHENTICATE completed.");
    }

    @Test
    void c7_pop3PassOfAFrozenAccountIsRefusedWithThePasswordRightOnly() {
        freeze(POP3_USER);

        assertThat(pop3Login(POP3_USER, PASSWORD)).isEqualTo("-ERR " + FROZEN);
        assertThat(pop3Login(POP3_USER, "wrong")).isEqualTo("-ERR Authentication failed.");
        assertThat(james.log()).containsPattern(refusal(POP3_USER, "pop3:" + james.port(JamesExtension.POP3)));

        unfreeze(POP3_USER);
        assertThat(pop3Login(POP3_USER, PASSWORD)).startsWith("+OK Welcome " + POP3_USER);
    }

    @Test
    void c7_jmapOfAFrozenAccountIsRefusedWithThePasswordRightOnly() throws IOException {
        assertThat(jmapSession(JMAP_USER, PASSWORD).statusCode()).as("JMAP serves the account before the freeze").isEqualTo(200);
        freeze(JMAP_USER);

        HttpResponse<String> frozen = jmapSession(JMAP_USER, PASSWORD);
        assertThat(frozen.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(frozen.body()).get("detail").asText()).isEqualTo(FROZEN);
        HttpResponse<String> wrong = jmapSession(JMAP_USER, "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("frozen");
        assertThat(james.log()).containsPattern(refusal(JMAP_USER, "jmap"));

        unfreeze(JMAP_USER);
        HttpResponse<String> unfrozen = jmapSession(JMAP_USER, PASSWORD);
        assertThat(unfrozen.statusCode()).isEqualTo(200);
        JsonNode session = JSON.readTree(unfrozen.body());
        assertThat(session.get("username").asText()).isEqualTo(JMAP_USER);
    }

    @Test
    void c7_mailToAFrozenAccountIsDeliveredAndReadableOverImapAndPop3AfterUnfreeze() {
        freeze(RECIPIENT);
        String message = Messages.simple("someone@remote.test", RECIPIENT, "c7 mail to a frozen account");
        try (SmtpClient client = james.smtp(MX, "127.0.0.60")) {
            client.ehlo("remote.test");
            assertThat(client.send("someone@remote.test", RECIPIENT, message).code()).isEqualTo(250);
        }
        Awaitility.await("the message to the frozen account is delivered").atMost(TIMEOUT)
            .until(() -> james.log().lines().anyMatch(line -> line.contains("Local delivered mail") && line.contains(RECIPIENT)));
        assertThatThrownBy(() -> james.imap(RECIPIENT, PASSWORD).read())
            .isInstanceOf(AuthenticationFailedException.class)
            .hasMessageContaining(FROZEN);
        assertThatThrownBy(() -> james.pop3(RECIPIENT, PASSWORD).read())
            .isInstanceOf(AuthenticationFailedException.class)
            .hasMessageContaining(FROZEN);

        unfreeze(RECIPIENT);
        assertThat(james.imap(RECIPIENT, PASSWORD).awaitSubject("c7 mail to a frozen account")).isNotNull();
        assertThat(james.pop3(RECIPIENT, PASSWORD).awaitSubject("c7 mail to a frozen account")).isNotNull();
    }

    @Test
    void c7_jmapOfAFrozenAccountNamedByAnAuthenticatingProxyIsRefused() throws IOException {
        assertThat(jmapSessionWith("X-User", JMAP_PROXIED_USER).statusCode()).as("JMAP serves the account before the freeze").isEqualTo(200);
        freeze(JMAP_PROXIED_USER);

        HttpResponse<String> frozen = jmapSessionWith("X-User", JMAP_PROXIED_USER);
        assertThat(frozen.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(frozen.body()).get("detail").asText()).isEqualTo(FROZEN);
        assertThat(james.log()).containsPattern(refusal(JMAP_PROXIED_USER, "jmap"));
    }

    private static void freeze(String account) {
        james.webAdmin().put("/guard/frozen/" + account, "{\"reason\":\"end-to-end test\"}").expect(201);
    }

    private static void unfreeze(String account) {
        james.webAdmin().delete("/guard/frozen/" + account).expect(204);
    }

    /** The audit line of a refused login: {@code check=... verdict=... reply=... session=... ip=... account=... listener=...}. */
    private static String refusal(String account, String listener) {
        return "check=frozen-account verdict=reject reply=\"535 5.7\\.8 " + FROZEN + "\" session=\\S+ ip=127\\.0\\.0\\.1 "
            + "account=" + Pattern.quote(account) + " listener=" + Pattern.quote(listener);
    }

    /** The tagged reply to {@code LOGIN}, without its tag. */
    private static String imapLogin(String user, String password) {
        return james.imapReply(new IMAPClient(), client -> client.login(user, password));
    }

    /** The tagged reply to {@code AUTHENTICATE PLAIN} (the credentials after the server's continuation). */
    private static String imapAuthenticatePlain(String user, String password) {
        return james.imapReply(new AuthenticatingIMAPClient(), client -> {
            try {
                ((AuthenticatingIMAPClient) client).authenticate(AuthenticatingIMAPClient.AUTH_METHOD.PLAIN, user, password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The reply to {@code PASS} (after {@code USER}). */
    private static String pop3Login(String user, String password) {
        POP3Client client = new POP3Client();
        client.setDefaultTimeout((int) TIMEOUT.toMillis());
        try {
            client.connect("127.0.0.1", james.port(JamesExtension.POP3));
            try {
                client.login(user, password);
                return client.getReplyString().trim();
            } finally {
                client.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /jmap/session} with HTTP Basic credentials. */
    private static HttpResponse<String> jmapSession(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return jmapSessionWith("Authorization", "Basic " + credentials);
    }

    /** {@code GET /jmap/session} with one authenticating header. */
    private static HttpResponse<String> jmapSessionWith(String header, String value) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jmapPort + "/jmap/session"))
            .timeout(TIMEOUT)
            .header("Accept", "application/json; jmapVersion=rfc-8621")
            .header(header, value)
            .GET()
            .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
