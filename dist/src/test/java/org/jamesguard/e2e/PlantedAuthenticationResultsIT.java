package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.e2e.OutsideHosts.ALICE;
import static org.jamesguard.e2e.OutsideHosts.PASSWORD;
import static org.jamesguard.e2e.OutsideHosts.mailServer;
import static org.jamesguard.harness.JamesExtension.MX;

import javax.mail.internet.MimeMessage;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, hole 8: an outside client plants {@code Authentication-Results} fields that claim our host
 * in forms a naive reader misses (nested comments, a quoted authserv-id, folding, comments with escaped
 * parentheses) and a field no reader can parse. Only our own field and other hosts' fields arrive.
 */
class PlantedAuthenticationResultsIT {
    private static final String HOST = "mx.example.test";
    private static final String RESULTS = "Authentication-Results";

    @RegisterExtension
    static JamesExtension james = OutsideHosts.james(HOST)
        .handler(MX, "org.jamesguard.hooks.smtp.ReverseLookupGate", "")
        .build();

    private final TestDnsServer dns = james.dns();

    @Test
    void fieldsClaimingOurHostInAnyRfc8601FormAreRemoved() throws Exception {
        String host = mailServer(dns, "127.0.0.80");
        String planted = RESULTS + ": ((x)) " + HOST + "; iprev=pass policy.iprev=192.0.2.1\r\n"
            + RESULTS + ": \"" + HOST + "\"; iprev=pass policy.iprev=192.0.2.2\r\n"
            + RESULTS + ": (a \\) b) (c (d) e)\r\n\t" + HOST.toUpperCase() + ".\r\n ; iprev=pass policy.iprev=192.0.2.3\r\n"
            + RESULTS + ": \"mx.ex\\ample.test\" 1; iprev=pass policy.iprev=192.0.2.4\r\n"
            + RESULTS + ": (unclosed " + HOST + "; iprev=pass policy.iprev=192.0.2.5\r\n"
            + RESULTS + ": relay.example.org; spf=pass smtp.mailfrom=example.org\r\n"
            + RESULTS + ": \"relay.example.net\" (" + HOST + "); dkim=pass header.d=example.net\r\n";

        try (SmtpClient client = james.smtp(MX, "127.0.0.80")) {
            client.ehlo(host);
            assertThat(client.send("bounce@" + host, ALICE, planted + Messages.simple("bounce@" + host, ALICE, "planted")))
                .hasToString("250 2.6.0 Message received");
        }

        MimeMessage received = james.imap(ALICE, PASSWORD).awaitSubject("planted");
        assertThat(received.getHeader(RESULTS)).containsExactly(
            "relay.example.org; spf=pass smtp.mailfrom=example.org",
            "\"relay.example.net\" (" + HOST + "); dkim=pass header.d=example.net",
            HOST + "; iprev=pass policy.iprev=127.0.0.80");
    }
}
