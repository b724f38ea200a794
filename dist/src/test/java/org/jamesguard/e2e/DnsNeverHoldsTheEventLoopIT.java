package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.e2e.OutsideHosts.ALICE;
import static org.jamesguard.e2e.OutsideHosts.PASSWORD;
import static org.jamesguard.harness.JamesExtension.MX;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.SmtpReply;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Type;

/**
 * The proof that no hook blocks the event loop while DNS is slow. The MX listener runs on one event-loop thread, so
 * a hook that waited for DNS would stall every session. The test DNS server holds its answers until the test
 * releases them, and James Guard waits far longer than any test for an answer: sessions waiting for DNS stay waiting,
 * and a trusted session completes a whole transaction before the DNS server has answered anything.
 */
class DnsNeverHoldsTheEventLoopIT {
    private static final String HOST = "mx.example.test";
    private static final List<String> WAITING = List.of("127.0.0.70", "127.0.0.71", "127.0.0.72", "127.0.0.73");

    @RegisterExtension
    static JamesExtension james = OutsideHosts.james(HOST)
        .listenerElement(MX, "ioWorkerCount", "1")
        .handler(MX, "org.jamesguard.hooks.smtp.ReverseLookupGate",
            "<mailFrom><exists><mode>report-only</mode></exists><hasMx><mode>report-only</mode></hasMx></mailFrom>")
        // no lookup times out while the test holds its answers, however loaded the machine
        .dnsTimeout(Duration.ofMinutes(10))
        .build();

    private final TestDnsServer dns = james.dns();

    @Test
    void aTrustedSessionCompletesBeforeDnsAnswersTheSessionsWaitingForIt() throws Exception {
        dns.holdAll();
        ExecutorService clients = Executors.newFixedThreadPool(WAITING.size());
        try {
            List<CompletableFuture<SmtpReply>> held = new ArrayList<>();
            for (String ip : WAITING) {
                held.add(CompletableFuture.supplyAsync(() -> {
                    try (SmtpClient client = james.smtp(MX, ip)) {
                        client.ehlo("slow" + lastByte(ip) + ".example.net");
                        return client.mailFrom(senderOf(ip));
                    }
                }, clients));
            }
            Awaitility.await("every waiting session's MAIL waits for its sender domain").atMost(Duration.ofSeconds(30))
                .until(() -> WAITING.stream().allMatch(ip -> dns.queryCount(domainOf(ip), Type.MX) > 0));

            try (SmtpClient trusted = james.smtp(MX, "127.0.0.1")) {
                trusted.ehlo("relay.internal");
                assertThat(trusted.send("someone@example.org", ALICE, Messages.simple("someone@example.org", ALICE, "meanwhile")))
                    .hasToString("250 2.6.0 Message received");
            }

            assertThat(dns.heldCount()).as("questions the DNS server has not answered yet").isGreaterThanOrEqualTo(WAITING.size());
            assertThat(held).as("every waiting MAIL is still waiting").noneMatch(CompletableFuture::isDone);
            dns.release();
            for (CompletableFuture<SmtpReply> reply : held) {
                assertThat(reply.get(30, TimeUnit.SECONDS).code()).as("the held MAIL is answered once DNS is").isEqualTo(250);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(james.imap(ALICE, PASSWORD).awaitSubject("meanwhile")).isNotNull();
    }

    private static String lastByte(String ip) {
        return ip.substring(ip.lastIndexOf('.') + 1);
    }

    private static String domainOf(String ip) {
        return "slow-" + lastByte(ip) + ".example.org";
    }

    private static String senderOf(String ip) {
        return "someone@" + domainOf(ip);
    }
}
