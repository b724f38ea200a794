package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.SmtpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC C5, C6 (4xx), C10 and exact counting under concurrency: 50 parallel sessions of one account with
 * a limit of 20 get exactly 20 messages accepted.
 */
class HijackOptionsIT {
    static final String PASSWORD = "secret-pw";
    static final String BOB = "bob@example.test";
    /** Plain-text submission (no TLS) keeps 50 parallel logins cheap on a small machine. */
    static final String PLAIN = "smtp-plain";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><hijack>"
            + "<limits><reserved><max>20</max><window>60m</window></reserved></limits>"
            + "<reply>4xx</reply><count>recipients</count>"
            + "<distinctIps><mode>enforce</mode><max>2</max><window>60m</window></distinctIps>"
            + "</hijack></jamesguard>")
        .cloneListener(MX, PLAIN)
        .listenerElement(PLAIN, "auth/announce", "always")
        .handler(PLAIN, "org.jamesguard.hooks.smtp.AuthGate", "<noAuth><mode>off</mode></noAuth>")
        .user(BOB, PASSWORD)
        .user("carl@example.test", PASSWORD)
        .user("rita@example.test", PASSWORD)
        .user("dana@example.test", PASSWORD)
        .user("x1@example.test", PASSWORD)
        .user("x2@example.test", PASSWORD)
        .build();

    @Test
    void countingIsExactUnderConcurrency() throws Exception {
        String carl = "carl@example.test";
        int sessions = 50;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SmtpReply>> replies = new ArrayList<>();
        try {
            for (int session = 0; session < sessions; session++) {
                String subject = "carl parallel " + session;
                replies.add(pool.submit(() -> {
                    try (SmtpClient client = james.smtp(PLAIN, "127.0.0.7")) {
                        client.login(carl, PASSWORD);
                        start.await();
                        return client.send(carl, BOB, Messages.simple(carl, BOB, subject));
                    }
                }));
            }
            start.countDown();
            List<String> lines = new ArrayList<>();
            for (Future<SmtpReply> reply : replies) {
                lines.add(reply.get(2, TimeUnit.MINUTES).line());
            }
            assertThat(lines).filteredOn("250 2.6.0 Message received"::equals).hasSize(20);
            assertThat(lines).filteredOn("450 4.7.1 Sending limit reached, try again later"::equals).hasSize(30);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void c10_recipientsAreCountedAndC6TheLimitAnswers4xx() {
        String rita = "rita@example.test";
        List<String> three = List.of(BOB, "x1@example.test", "x2@example.test");
        try (SmtpClient client = james.smtp(PLAIN, "127.0.0.8")) {
            client.login(rita, PASSWORD);
            for (int message = 1; message <= 6; message++) {
                assertThat(client.send(rita, three, Messages.simple(rita, BOB, "rita " + message)).code()).isEqualTo(250);
            }
            assertThat(client.send(rita, three, Messages.simple(rita, BOB, "rita 7")))
                .as("18 + 3 recipients > 20").hasToString("450 4.7.1 Sending limit reached, try again later");
            assertThat(client.send(rita, List.of(BOB, "x1@example.test"), Messages.simple(rita, BOB, "rita 8")))
                .as("18 + 2 = 20").hasToString("250 2.6.0 Message received");
        }
    }

    @Test
    void c5_loginsFromTooManyClientAddressesAreRefused() {
        String dana = "dana@example.test";
        for (String ip : new String[] {"127.0.0.81", "127.0.0.82"}) {
            try (SmtpClient client = james.smtp(PLAIN, ip)) {
                assertThat(client.login(dana, PASSWORD)).hasToString("235 2.7.0 Authentication successful");
            }
        }
        try (SmtpClient client = james.smtp(PLAIN, "127.0.0.83")) {
            assertThat(client.login(dana, PASSWORD))
                .hasToString("450 4.7.1 Account used from too many client addresses, try again later");
        }
        try (SmtpClient client = james.smtp(PLAIN, "127.0.0.81")) {
            assertThat(client.login(dana, PASSWORD)).as("an address already seen")
                .hasToString("235 2.7.0 Authentication successful");
        }
    }
}
