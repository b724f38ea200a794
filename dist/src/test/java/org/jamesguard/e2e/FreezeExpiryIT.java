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
 * Short-lived freezes and tokens: an expired unfreeze token is refused and leaves the account frozen,
 * and with {@code <freezeExpiry>} a freeze lifts itself on time, as an unfreeze: counters reset, postmaster told.
 */
class FreezeExpiryIT {
    static final String PASSWORD = "secret-pw";
    static final String GINA = "gina@example.test";
    static final String POSTMASTER = "postmaster@example.test";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><hijack>"
            + "<limits><reserved><max>1</max><window>60m</window></reserved></limits>"
            + "<freezeOnLimit>true</freezeOnLimit><freezeExpiry>8s</freezeExpiry>"
            + "<notice><tokenValidity>2s</tokenValidity></notice>"
            + "</hijack></jamesguard>")
        .user(GINA, PASSWORD)
        .user(POSTMASTER, PASSWORD)
        .user("bob@example.test", PASSWORD)
        .build();

    @Test
    void anExpiredTokenIsRefusedAndTheFreezeLiftsItselfOnTime() throws Exception {
        send("gina 1", "250 2.6.0 Message received");
        send("gina 2", "552 5.7.1 Account frozen: sending limit reached, contact your postmaster");
        JsonNode frozen = james.webAdmin().get("/guard/frozen/" + GINA).expect(200).json();
        Instant frozenAt = Instant.parse(frozen.get("frozenAt").asText());
        Instant expires = Instant.parse(frozen.get("expires").asText());
        assertThat(Duration.between(frozenAt, expires)).isEqualTo(Duration.ofSeconds(8));
        String token = ((InternetAddress) james.imap(POSTMASTER, PASSWORD)
            .awaitSubject("[James Guard] Account gina@example.test frozen: sending limit reached (reserved IPs)")
            .getReplyTo()[0]).getAddress();

        Awaitility.await("the token expires").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
            .until(() -> Instant.now().isAfter(frozenAt.plusSeconds(2)));
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.10", POSTMASTER, PASSWORD)) {
            assertThat(client.send(POSTMASTER, token, Messages.simple(POSTMASTER, token, "Re: late")).code()).isEqualTo(250);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> james.log().contains("detail=\"expired token\""));
        assertThat(Instant.now()).isBefore(expires);
        assertThat(james.webAdmin().get("/guard/frozen/" + GINA).status()).isEqualTo(200);

        Awaitility.await("the freeze lifts itself").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> james.webAdmin().get("/guard/frozen/" + GINA).status() == 404);
        assertThat(Instant.now()).isAfterOrEqualTo(expires);
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
