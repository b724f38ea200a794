package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.util.UUID;

import javax.mail.internet.MimeMessage;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, holes 1 and 12 and the differential reading of From (SPEC H1, H2), over real SMTP: the From
 * check judges the whole header section exactly as the client sent it, and only a From every mail
 * program reads alike.
 */
class HeaderSectionHolesIT {
    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String PASSWORD = "secret-pw";
    static final int DEFAULT_CAP = 256 * 1024;

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .user(ALICE, PASSWORD)
        .user(BOB, PASSWORD)
        .build();

    @Test
    void hole1_aSecondFromPastTheHeaderSectionCapIsRefused() {
        String message = "From: <" + ALICE + ">\r\n" + padding(DEFAULT_CAP) + rest("From: <" + BOB + ">", "hole1 past the cap");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message))
                .hasToString("552 5.3.4 Header section too long: it must end within 262144 octets");
        }
        assertThat(james.spooled(Messages.messageId(message))).isFalse();
    }

    @Test
    void hole1_aHeaderSectionWithoutEmptyLineEndsWithTheMessage() throws Exception {
        String message = "From: <" + ALICE + ">\r\nTo: <" + BOB + ">\r\nSubject: hole1 no body\r\n"
            + "Message-ID: <" + UUID.randomUUID() + "@jamesguard.test>\r\n";
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message)).hasToString("250 2.6.0 Message received");
        }
        MimeMessage delivered = james.imap(BOB, PASSWORD).awaitSubject("hole1 no body");
        assertThat(delivered.getHeader("From")).containsExactly("<" + ALICE + ">");
    }

    @Test
    void hole12_aContinuationLineOpeningTheClientsHeaderSectionIsRefused() {
        // James puts its Received field in front, into which this line would fold.
        String message = " From: Bob <" + BOB + ">\r\n" + Messages.withFrom("From: <" + ALICE + ">", BOB, "hole12 continuation");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message))
                .hasToString("550 5.7.1 From: header refused: malformed header section: continuation line before any field");
        }
        assertThat(james.spooled(Messages.messageId(message))).isFalse();
    }

    @Test
    void hole12_aNulInAnyFieldOfTheHeaderSectionIsRefused() {
        String message = Messages.withFrom("From: <" + ALICE + ">\r\nX-Note: a\u0000b", BOB, "hole12 NUL");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message))
                .hasToString("550 5.7.1 From: header refused: NUL in the header section");
        }
        assertThat(james.spooled(Messages.messageId(message))).isFalse();
    }

    @Test
    void h2_aFromThatAMailProgramReadsDifferentlyIsRefused() {
        // 8-bit text without SMTPUTF8: javax.mail reads alice, mime4j's strict parser reads no mailbox at all.
        String message = Messages.withFrom("From: J\u00f6rg <" + ALICE + ">", BOB, "h2 differential");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message))
                .hasToString("550 5.7.1 From: header refused: mail programs read different addresses in it");
        }
        assertThat(james.spooled(Messages.messageId(message))).isFalse();
        assertThat(james.log()).contains("check=from-parsers-agree").contains("mime4j strict");
    }

    @Test
    void h2_aFromEveryParserReadsAlikeIsAccepted() throws Exception {
        String message = Messages.withFrom("From: =?UTF-8?Q?J=C3=B6rg_Alice?= (home) <" + ALICE + ">", BOB, "h2 agreed");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message)).hasToString("250 2.6.0 Message received");
        }
        assertThat(james.imap(BOB, PASSWORD).awaitSubject("h2 agreed")).isNotNull();
    }

    /** Valid fields of about a kilobyte each (folded below 998 octets a line), {@code octets} in all at least. */
    private static String padding(int octets) {
        StringBuilder padding = new StringBuilder();
        for (int i = 0; padding.length() < octets; i++) {
            padding.append("X-Padding-").append(i).append(": ").append("a".repeat(500)).append("\r\n ").append("b".repeat(500)).append("\r\n");
        }
        return padding.toString();
    }

    private static String rest(String fromLine, String subject) {
        return Messages.withFrom(fromLine, BOB, subject);
    }
}
