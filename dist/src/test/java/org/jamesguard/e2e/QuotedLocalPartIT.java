package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code "alice"@example.test} and {@code alice@example.test} are one mailbox (RFC 5321 §4.1.2: a quoted
 * string whose content is a dot-atom says the same), but James keeps the quotes, so the quoted form is no
 * account of James's: without canonical local parts it passed A1 as "no account here" (A3) and A9 as "not
 * postmaster".
 */
class QuotedLocalPartIT {
    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String PASSWORD = "secret-pw";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .user(ALICE, PASSWORD)
        .user(BOB, PASSWORD)
        .user("postmaster@example.test", PASSWORD)
        .build();

    @Test
    void quotedLocalPart_unauthenticatedQuotedLocalAccountMustAuthenticate() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.7")) {
            client.ehlo("outside.test");
            assertThat(client.mailFrom("\"alice\"@example.test")).hasToString("530 5.7.0 Authentication required");
            assertThat(client.mailFrom("\"al\\ice\"@example.test")).hasToString("530 5.7.0 Authentication required");
            assertThat(client.mailFrom("\"ALICE\"@example.test")).hasToString("530 5.7.0 Authentication required");
        }
    }

    @Test
    void quotedLocalPart_quotedPostmasterNeedsAuthEvenFromATrustedIp() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.1")) {
            client.ehlo("trusted.test");
            assertThat(client.mailFrom("\"postmaster\"@example.test")).hasToString("530 5.7.0 Authentication required");
        }
    }

    @Test
    void quotedLocalPart_anAccountMayWriteItsOwnReturnPathQuoted() {
        String message = Messages.simple(BOB, ALICE, "quoted own return-path");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.7", BOB, PASSWORD)) {
            assertThat(client.send("\"bob\"@example.test", ALICE, message)).hasToString("250 2.6.0 Message received");
        }
    }

    @Test
    void quotedLocalPart_aQuotedAddressOfAnotherAccountIsStillNotOwned() {
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.7", BOB, PASSWORD)) {
            assertThat(client.mailFrom("\"alice\"@example.test").code()).isEqualTo(550);
        }
    }
}
