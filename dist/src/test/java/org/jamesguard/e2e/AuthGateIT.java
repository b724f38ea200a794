package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SPEC A11–A14 and the dynamic screen they feed: no AUTH on the MX (hidden and refused), IPs that keep
 * trying AUTH there or keep failing it anywhere are screened until the entry expires, and an
 * authorization identity needs a delegation. James Guard's clock moves when a test says so, never by waiting.
 */
class AuthGateIT {
    static final String ALICE = "alice@example.test";
    static final String CAROL = "carol@example.test";
    static final String PASSWORD = "secret-pw";
    static final String AUTH_GATE = "org.jamesguard.hooks.smtp.AuthGate";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        // James itself would offer AUTH on the MX now: the gate must hide and refuse it anyway
        .listenerElement(MX, "auth/announce", "always")
        .handler(SUBMISSION, AUTH_GATE, "<failedAuth><limit>3</limit><window>10m</window><screenFor>10m</screenFor></failedAuth>")
        .user(ALICE, PASSWORD)
        .user(CAROL, PASSWORD)
        .user("bob@example.test", PASSWORD)
        .delegation(CAROL, ALICE)
        .testClock()
        .build();

    @Test
    void a11_theMxNeitherOffersNorAcceptsAuth() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.30")) {
            assertThat(client.ehlo("outside.test").lines()).noneMatch(line -> line.contains("AUTH"));
            assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("500 5.5.1 Command unrecognized");
            assertThat(client.command("AUTH LOGIN")).hasToString("500 5.5.1 Command unrecognized");
            assertThat(client.mailFrom("someone@remote.test").code()).as("the session goes on").isEqualTo(250);
        }
    }

    @Test
    void a12_anIpThatKeepsTryingAuthOnTheMxIsScreened() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (SmtpClient client = james.smtp(MX, "127.0.0.31")) {
                client.ehlo("outside.test");
                assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("500 5.5.1 Command unrecognized");
            }
        }
        try (SmtpClient client = james.smtp(MX, "127.0.0.31")) {
            client.ehlo("outside.test");
            assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("421 4.7.0 Too many authentication attempts, try again later");
            assertThat(client.awaitClosed()).isTrue();
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.31")) {
            assertThat(client.greeting()).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
        }
        JsonNode entry = screenEntry("127.0.0.31");
        assertThat(entry.get("reason").asText()).isEqualTo("auth-probes-screen: 3 within 10m");
        assertThat(Duration.between(Instant.parse(entry.get("since").asText()), Instant.parse(entry.get("expires").asText())))
            .isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void a13_repeatedFailedAuthScreensTheIpUntilTheEntryExpires() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.32")) {
                assertThat(client.login(ALICE, "wrong")).hasToString("535 5.7.8 Authentication credentials invalid");
            }
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.32")) {
            assertThat(client.login(ALICE, "wrong")).hasToString("421 4.7.0 Too many authentication attempts, try again later");
            assertThat(client.awaitClosed()).isTrue();
        }
        try (SmtpClient client = james.smtp(MX, "127.0.0.32")) {
            assertThat(client.greeting()).as("screened on every listener")
                .hasToString("554 5.7.1 Client host blocked by the dynamic screen");
        }
        JsonNode entry = screenEntry("127.0.0.32");
        Instant expires = Instant.parse(entry.get("expires").asText());
        assertThat(Duration.between(Instant.parse(entry.get("since").asText()), expires)).isEqualTo(Duration.ofMinutes(10));

        assertThat(james.advanceClock(Duration.ofMinutes(10))).isAfterOrEqualTo(expires);
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.32")) {
            assertThat(client.greeting().code()).as("the entry expired").isEqualTo(220);
            assertThat(client.login(ALICE, PASSWORD)).hasToString("235 2.7.0 Authentication successful");
        }
    }

    @Test
    void a13_aTrustedIpIsNeverScreened() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.1")) {
                assertThat(client.login(ALICE, "wrong")).hasToString("535 5.7.8 Authentication credentials invalid");
            }
        }
        assertThat(james.webAdmin().get("/guard/screen").json().findValuesAsText("ip")).doesNotContain("127.0.0.1");
    }

    @Test
    void a14_anAuthorizationIdentityOtherThanTheLoginNeedsADelegation() {
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.33")) {
            client.login(ALICE, PASSWORD);
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.33")) {
            startTls(client);
            assertThat(client.authPlain("bob@example.test", ALICE, PASSWORD)).hasToString("535 5.7.8 Authorization identity refused");
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.33")) {
            startTls(client);
            assertThat(client.authPlain(CAROL, ALICE, PASSWORD)).hasToString("235 2.7.0 Authentication successful");
            assertThat(client.mailFrom(CAROL).code()).as("acting as carol").isEqualTo(250);
            client.command("RSET");
            assertThat(client.mailFrom(ALICE)).as("carol does not own alice's address")
                .hasToString("550 5.7.1 Sender address not owned by authenticated user");
        }
    }

    @Test
    void authBeforeStartTlsIsRefusedWhereTlsIsRequired() {
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.34")) {
            assertThat(client.ehlo("client.test").lines()).noneMatch(line -> line.contains("AUTH"));
            assertThat(client.authPlain(ALICE, PASSWORD))
                .hasToString("538 5.7.11 Encryption required for requested authentication mechanism");
        }
    }

    @Test
    void authLoginWorksAndCanBeCancelled() {
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.34")) {
            startTls(client);
            assertThat(client.authLogin(ALICE, PASSWORD)).hasToString("235 2.7.0 Authentication successful");
            assertThat(client.authPlain(ALICE, PASSWORD)).hasToString("503 5.5.1 Already authenticated");
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.34")) {
            startTls(client);
            assertThat(client.command("AUTH LOGIN").code()).isEqualTo(334);
            assertThat(client.command("*")).hasToString("501 5.7.0 Authentication cancelled");
            assertThat(client.command("AUTH PLAIN not-base64!")).hasToString("501 5.5.2 Cannot decode the AUTH response");
            assertThat(client.command("AUTH PLAIN " + base64("only-one-part"))).hasToString("501 5.5.2 Cannot decode the AUTH response");
        }
    }

    private static void startTls(SmtpClient client) {
        client.ehlo("client.test");
        client.startTls();
        client.ehlo("client.test");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode screenEntry(String ip) {
        for (JsonNode entry : james.webAdmin().get("/guard/screen").expect(200).json()) {
            if (entry.get("ip").asText().equals(ip)) {
                return entry;
            }
        }
        throw new AssertionError(ip + " is not screened");
    }
}
