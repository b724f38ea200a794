package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SPEC C1–C4, C6 (5xx), C9 and the postmaster exemption: each IP class has its own limit per account;
 * the message that would go past it is refused, earlier ones are delivered. 127.0.0.x clients are
 * reserved IPs; 127.0.0.50 is configured as one of the server's own addresses (local), 127.0.0.60 as
 * LAN (local too, C3); an "other" client is played through a PROXY protocol listener.
 */
class HijackLimitsIT {
    static final String PASSWORD = "secret-pw";
    static final String BOB = "bob@example.test";
    static final String PROXIED = "smtp-proxied";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard>"
            + "<network><serverAddresses>127.0.0.50</serverAddresses><lanIps>127.0.0.60/32</lanIps></network>"
            + "<hijack><limits>"
            + "<reserved><max>3</max><window>60m</window></reserved>"
            + "<local><max>4</max><window>60m</window></local>"
            + "<other><max>2</max><window>60m</window></other>"
            + "</limits><exclusions>news@example.test, *@lists.example.test</exclusions></hijack>"
            + "</jamesguard>")
        .cloneListener(SUBMISSION, PROXIED)
        .listenerElement(PROXIED, "proxyRequired", "true")
        .domain("lists.example.test")
        .user(BOB, PASSWORD)
        .user("reserved@example.test", PASSWORD)
        .user("local@example.test", PASSWORD)
        .user("lan@example.test", PASSWORD)
        .user("other@example.test", PASSWORD)
        .user("news@example.test", PASSWORD)
        .user("weekly@lists.example.test", PASSWORD)
        .user("postmaster@example.test", PASSWORD)
        .build();

    @Test
    void c1_reservedIpsHaveTheirLimit() throws Exception {
        assertLimit("reserved@example.test", 3, () -> james.smtp(SUBMISSION, "127.0.0.7"));
    }

    @Test
    void c2_theServersOwnAddressesHaveTheLocalLimit() throws Exception {
        assertLimit("local@example.test", 4, () -> james.smtp(SUBMISSION, "127.0.0.50"));
    }

    @Test
    void c3_lanAddressesCountAsLocal() throws Exception {
        assertLimit("lan@example.test", 4, () -> james.smtp(SUBMISSION, "127.0.0.60"));
    }

    @Test
    void c4_otherIpsHaveTheirLimit() throws Exception {
        assertLimit("other@example.test", 2, () -> james.smtpViaProxy(PROXIED, "127.0.0.7", "203.0.113.9"));
    }

    @Test
    void c9_excludedAccountsAndPostmasterAreNeverLimited() {
        for (String account : new String[] {"news@example.test", "weekly@lists.example.test", "postmaster@example.test"}) {
            for (int message = 1; message <= 5; message++) {
                assertThat(send(account, () -> james.smtp(SUBMISSION, "127.0.0.8"), account + " " + message))
                    .hasToString("250 2.6.0 Message received");
            }
        }
    }

    @Test
    void theAccountCountersRouteShowsCountsAndLimits() throws Exception {
        String account = "counted@example.test";
        james.webAdmin().createUser(account, PASSWORD);
        send(account, () -> james.smtp(SUBMISSION, "127.0.0.7"), "counted 1");
        send(account, () -> james.smtp(SUBMISSION, "127.0.0.60"), "counted 2");

        JsonNode counters = james.webAdmin().get("/guard/accounts/" + account + "/counters").expect(200).json();

        assertThat(counters.get("watched").asBoolean()).isTrue();
        assertThat(counters.get("frozen").asBoolean()).isFalse();
        assertThat(counters.at("/messages/reserved").toString()).isEqualTo("{\"count\":1,\"max\":3,\"window\":\"1h\",\"mode\":\"enforce\"}");
        assertThat(counters.at("/messages/local/count").asInt()).isEqualTo(1);
        assertThat(counters.at("/messages/other/count").asInt()).isZero();
        assertThat(counters.get("ipsSeen").toString()).isEqualTo("[\"127.0.0.60\",\"127.0.0.7\"]");
        assertThat(james.webAdmin().get("/guard/accounts/nobody@example.test/counters").expect(404).json().get("message").asText())
            .isEqualTo("nobody@example.test is not an account of this server");
        assertThat(james.webAdmin().get("/guard/accounts/@/counters").expect(400).json().get("message").asText())
            .isEqualTo("'@' is not an account name");
    }

    /** Sends {@code limit} messages that are delivered, then one refused and not queued. */
    private static void assertLimit(String account, int limit, ClientFactory client) throws Exception {
        for (int message = 1; message <= limit; message++) {
            assertThat(send(account, client, account + " " + message)).hasToString("250 2.6.0 Message received");
        }
        String refused = Messages.simple(account, BOB, account + " over the limit");
        try (SmtpClient session = client.open()) {
            session.login(account, PASSWORD);
            assertThat(session.send(account, BOB, refused)).hasToString("550 5.7.1 Sending limit reached");
        }
        assertThat(james.spooled(Messages.messageId(refused))).isFalse();
        assertThat(james.imap(BOB, PASSWORD).awaitSubject(account + " " + limit)).isNotNull();
        assertThat(james.log()).contains("check=send-limit verdict=reject reply=\"550 5.7.1 Sending limit reached\"");
    }

    private static org.jamesguard.harness.SmtpReply send(String account, ClientFactory client, String subject) {
        try (SmtpClient session = client.open()) {
            assertThat(session.login(account, PASSWORD).code()).isEqualTo(235);
            return session.send(account, BOB, Messages.simple(account, BOB, subject));
        }
    }

    @FunctionalInterface
    interface ClientFactory {
        SmtpClient open();
    }
}
