package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.SmtpReply;
import org.jamesguard.testing.redis.RedisServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SPEC §4, the failure policy: Redis stops in the middle of a run. The fail-open node accepts (logged, counted),
 * the fail-closed node answers 451 4.3.0, both while Redis is still down (no check waits for it to come back), and
 * both keep serving; when Redis is back on the same port the store works again without restarting James.
 */
class RedisOutageIT {
    static final String PASSWORD = "secret-pw";
    static final String ALICE = "alice@example.test";
    static final String CAROL = "carol@example.test";
    static final String STORE_UNAVAILABLE = "451 4.3.0 Temporary local problem, try again later";
    static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Trusted by James Guard (never screened, so never looked up at connect), yet offered AUTH by James. */
    static final String TRUSTED = "127.0.0.50";

    @RegisterExtension
    @Order(1)
    static final RedisServer redis = RedisServer.start();

    @RegisterExtension
    @Order(2)
    static JamesExtension open = node("open", "fail-open");

    @RegisterExtension
    @Order(3)
    static JamesExtension closed = node("closed", "fail-closed");

    private static JamesExtension node(String name, String policy) {
        return JamesExtension.builder()
            .name(name)
            .confFile("jamesguard.xml", "<jamesguard><trustedIps>" + TRUSTED + "</trustedIps><store><backend>redis</backend><failurePolicy>" + policy
                + "</failurePolicy><redis><uri>" + redis.uri() + "</uri><keyPrefix>" + name + ":</keyPrefix><timeout>"
                + TIMEOUT.toMillis() + "ms</timeout></redis></store></jamesguard>")
            .user(ALICE, PASSWORD)
            .user(CAROL, PASSWORD)
            .build();
    }

    @Test
    void theConfiguredPolicyAppliesWhileRedisIsDownAndTheStoreRecoversWhenItIsBack() {
        assertThat(send(open).code()).isEqualTo(250);
        assertThat(send(closed).code()).isEqualTo(250);

        redis.stop();

        assertThat(send(open)).hasToString("250 2.6.0 Message received");
        assertThat(greeting(closed, "127.0.0.21")).hasToString(STORE_UNAVAILABLE);
        try (SmtpClient client = closed.smtp(SUBMISSION, TRUSTED)) {
            assertThat(client.login(ALICE, PASSWORD)).as("a login needs the freeze store").hasToString(STORE_UNAVAILABLE);
        }
        assertKeepsServing(open);
        assertKeepsServing(closed);
        assertThat(open.log()).contains("state store unavailable during check");
        assertThat(open.webAdmin().get("/metrics").expect(200).body()).contains("jamesguard_send_limit_store_failure");

        redis.restart();

        Awaitility.await("the fail-closed node reaches Redis again").atMost(Duration.ofSeconds(30))
            .until(() -> greeting(closed, "127.0.0.22").code() == 220);
        assertThat(send(closed)).hasToString("250 2.6.0 Message received");
        closed.webAdmin().put("/guard/screen/127.0.0.23", "{}").expect(200);
        try (SmtpClient client = closed.smtp(MX, "127.0.0.23")) {
            assertThat(client.greeting()).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
        }
        Awaitility.await("the fail-open node reaches Redis again").atMost(Duration.ofSeconds(30))
            .until(() -> open.webAdmin().get("/guard/health").expect(200).json().get("stores").get("reachable").asBoolean());
    }

    /** James still answers what needs no store, and says what is wrong with the one it has. */
    private static void assertKeepsServing(JamesExtension node) {
        JsonNode stores = node.webAdmin().get("/guard/health").expect(200).json().get("stores");
        assertThat(stores.get("backend").asText()).isEqualTo("redis");
        assertThat(stores.get("reachable").asBoolean()).isFalse();
        assertThat(node.webAdmin().get("/guard/screen").expect(503).json().get("message").asText())
            .startsWith("James Guard's state store is unavailable, try again later: Redis redis://127.0.0.1:");
        try (SmtpClient trusted = node.smtp(MX, TRUSTED)) {
            assertThat(trusted.greeting().code()).as("a trusted client is never looked up").isEqualTo(220);
        }
    }

    private static SmtpReply send(JamesExtension node) {
        try (SmtpClient client = node.loggedIn(SUBMISSION, "127.0.0.7", ALICE, PASSWORD)) {
            return client.send(ALICE, CAROL, Messages.simple(ALICE, CAROL, "during the outage"));
        }
    }

    private static SmtpReply greeting(JamesExtension node, String ip) {
        try (SmtpClient client = node.smtp(MX, ip)) {
            return client.greeting();
        }
    }
}
