package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.time.Duration;
import java.time.Instant;

import javax.mail.internet.InternetAddress;

import org.awaitility.Awaitility;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Freezes and tokens that expire: an expired unfreeze token is refused and leaves the account frozen, and with
 * {@code <freezeExpiry>} a freeze lifts itself once its time is up, as an unfreeze: counters reset, postmaster told.
 * James Guard's clock moves when the test says so, never by waiting.
 */
class FreezeExpiryIT {
    static final String PASSWORD = "secret-pw";
    static final String GINA = "gina@example.test";
    static final String POSTMASTER = "postmaster@example.test";
    static final Duration FREEZE_EXPIRY = Duration.ofMinutes(60);
    static final Duration TOKEN_VALIDITY = Duration.ofMinutes(10);

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><hijack>"
            + "<limits><reserved><max>1</max><window>60m</window></reserved></limits>"
            + "<freezeOnLimit>true</freezeOnLimit><freezeExpiry>60m</freezeExpiry>"
            + "<notice><tokenValidity>10m</tokenValidity></notice>"
            + "</hijack></jamesguard>")
        .user(GINA, PASSWORD)
        .user(POSTMASTER, PASSWORD)
        .user("bob@example.test", PASSWORD)
        .testClock()
        .build();

    @Test
    void anExpiredTokenIsRefusedAndTheFreezeLiftsItselfOnceItsTimeIsUp() throws Exception {
        send("gina 1", "250 2.6.0 Message received");
        send("gina 2", "552 5.7.1 Account frozen: sending limit reached, contact your postmaster");
        JsonNode frozen = james.webAdmin().get("/guard/frozen/" + GINA).expect(200).json();
        Instant frozenAt = Instant.parse(frozen.get("frozenAt").asText());
        Instant expires = Instant.parse(frozen.get("expires").asText());
        assertThat(Duration.between(frozenAt, expires)).isEqualTo(FREEZE_EXPIRY);
        String token = ((InternetAddress) james.imap(POSTMASTER, PASSWORD)
            .awaitSubject("[James Guard] Account gina@example.test frozen: sending limit reached (reserved IPs)")
            .getReplyTo()[0]).getAddress();

        Instant tokenExpired = james.advanceClock(TOKEN_VALIDITY.plusSeconds(1));
        assertThat(tokenExpired).isAfter(frozenAt.plus(TOKEN_VALIDITY)).isBefore(expires);
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.10", POSTMASTER, PASSWORD)) {
            assertThat(client.send(POSTMASTER, token, Messages.simple(POSTMASTER, token, "Re: late")).code()).isEqualTo(250);
        }
        Awaitility.await("the late reply is refused").atMost(Duration.ofSeconds(30))
            .until(() -> james.log().contains("detail=\"expired token\""));
        assertThat(james.webAdmin().get("/guard/frozen/" + GINA).status()).as("still frozen").isEqualTo(200);

        assertThat(james.advanceClock(FREEZE_EXPIRY.minus(TOKEN_VALIDITY))).isAfterOrEqualTo(expires);
        Awaitility.await("the freeze lifts itself").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> james.webAdmin().get("/guard/frozen/" + GINA).status() == 404);
        send("gina after the freeze", "250 2.6.0 Message received");
        assertThat(james.imap(POSTMASTER, PASSWORD).awaitSubject("[James Guard] Account gina@example.test unfrozen"))
            .isNotNull();
    }

    private static void send(String subject, String reply) {
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.7", GINA, PASSWORD)) {
            assertThat(client.send(GINA, "bob@example.test", Messages.simple(GINA, "bob@example.test", subject))).hasToString(reply);
        }
    }
}
