package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.time.Duration;

import javax.mail.internet.InternetAddress;

import org.awaitility.Awaitility;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.testing.redis.RedisServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §4, a James cluster: two James nodes share one Redis, so an account's limit counts the messages of both,
 * and a freeze, an unfreeze or a screened IP made through one node holds on the other at once.
 */
class SharedRedisStoreIT {
    static final String PASSWORD = "secret-pw";
    static final String POSTMASTER = "postmaster@example.test";
    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String CAROL = "carol@example.test";
    /** Both nodes sign and verify unfreeze tokens with one secret, as a cluster must. */
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @RegisterExtension
    @Order(1)
    static final RedisServer redis = RedisServer.start();

    @RegisterExtension
    @Order(2)
    static JamesExtension a = node("a");

    @RegisterExtension
    @Order(3)
    static JamesExtension b = node("b");

    private static JamesExtension node(String name) {
        return JamesExtension.builder()
            .name(name)
            .confFile("jamesguard.xml", "<jamesguard>"
                + "<hijack><limits><reserved><max>10</max><window>60m</window></reserved></limits>"
                + "<notice><secret>" + SECRET + "</secret></notice></hijack>"
                + "<store><backend>redis</backend><redis><uri>" + redis.uri() + "</uri></redis></store>"
                + "</jamesguard>")
            .user(POSTMASTER, PASSWORD)
            .user(ALICE, PASSWORD)
            .user(BOB, PASSWORD)
            .user(CAROL, PASSWORD)
            .build();
    }

    @Test
    void aLimitOfTenIsReachedByFiveMessagesThroughEachNode() {
        send(a, ALICE, 5);
        send(b, ALICE, 5);

        for (JamesExtension node : new JamesExtension[] {a, b}) {
            try (SmtpClient client = node.loggedIn(SUBMISSION, "127.0.0.7", ALICE, PASSWORD)) {
                assertThat(client.send(ALICE, CAROL, Messages.simple(ALICE, CAROL, "eleventh")))
                    .hasToString("550 5.7.1 Sending limit reached");
            }
        }
        assertThat(a.webAdmin().get("/guard/accounts/" + ALICE + "/counters").expect(200).json()
            .get("messages").get("reserved").get("count").asLong()).isEqualTo(10);
        // a remote store's calls are timed, so a slow Redis shows on the metrics
        assertThat(a.webAdmin().get("/metrics").expect(200).body()).contains("jamesguard_store_counter_tryacquire");
    }

    @Test
    void aFreezeThroughOneNodeRefusesAuthOnTheOtherAndAReplyThroughTheOtherLiftsIt() throws Exception {
        a.webAdmin().put("/guard/frozen/" + BOB, "{\"reason\":\"e2e\"}").expect(201);

        try (SmtpClient client = b.smtp(SUBMISSION, "127.0.0.8")) {
            assertThat(client.login(BOB, PASSWORD)).hasToString("535 5.7.8 Account frozen: contact your postmaster");
        }
        String token = ((InternetAddress) a.imap(POSTMASTER, PASSWORD)
            .awaitSubject("[James Guard] Account bob@example.test frozen: e2e").getReplyTo()[0]).getAddress();

        try (SmtpClient client = b.loggedIn(SUBMISSION, "127.0.0.10", POSTMASTER, PASSWORD)) {
            assertThat(client.send(POSTMASTER, token, Messages.simple(POSTMASTER, token, "Re: frozen")).code()).isEqualTo(250);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> a.webAdmin().get("/guard/frozen/" + BOB).status() == 404);
        try (SmtpClient client = a.smtp(SUBMISSION, "127.0.0.8")) {
            assertThat(client.login(BOB, PASSWORD).code()).isEqualTo(235);
        }
    }

    @Test
    void anIpScreenedThroughOneNodeIsRefusedByTheOther() {
        a.webAdmin().put("/guard/screen/127.0.0.30", "{\"reason\":\"e2e\"}").expect(200);

        try (SmtpClient client = b.smtp(MX, "127.0.0.30")) {
            assertThat(client.greeting()).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
        }
        b.webAdmin().delete("/guard/screen/127.0.0.30").expect(204);
        try (SmtpClient client = a.smtp(MX, "127.0.0.30")) {
            assertThat(client.greeting().code()).isEqualTo(220);
        }
    }

    private static void send(JamesExtension node, String account, int messages) {
        try (SmtpClient client = node.loggedIn(SUBMISSION, "127.0.0.7", account, PASSWORD)) {
            for (int i = 0; i < messages; i++) {
                assertThat(client.send(account, CAROL, Messages.simple(account, CAROL, "message " + i)))
                    .hasToString("250 2.6.0 Message received");
            }
        }
    }
}
