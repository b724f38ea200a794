package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.answer;
import static org.jamesguard.core.auth.CheckTables.client;
import static org.jamesguard.core.auth.CheckTables.row;

import java.util.stream.Stream;

import org.jamesguard.core.SessionSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC A1 (local senders must authenticate), A3 (folded into "sender is local") and A2 (at RCPT). */
class LocalSenderRequiresAuthCheckTest {
    private static final String PASS = "local-sender-requires-auth: pass";
    private static final String AUTH_REQUIRED = "local-sender-requires-auth: reject 530 5.7.0 Authentication required";

    static Stream<Arguments> atMail() {
        return Stream.of(
            row("unauthenticated local sender", client().mailFrom("john@example.com"), true, AUTH_REQUIRED),
            row("unauthenticated sender that is not local (foreign domain, or unknown account under A3)",
                client().mailFrom("john@example.org"), false, PASS),
            row("authenticated local sender", client().authUser("john@example.com").mailFrom("john@example.com"), null, PASS),
            row("authenticated as someone else: A5's business", client().authUser("bob@example.com").mailFrom("john@example.com"), null, PASS),
            row("trusted IP", client().trusted(true).mailFrom("john@example.com"), null, PASS),
            row("null sender", client().nullSender(), null, PASS),
            row("local sender in upper case", client().mailFrom("JOHN@EXAMPLE.COM"), true, AUTH_REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void atMail(String name, SessionSnapshot session, Boolean senderIsLocal, String expected) {
        assertThat(LocalSenderRequiresAuthCheck.check(session, answer(senderIsLocal))).hasToString(expected);
    }

    static Stream<Arguments> atRcpt() {
        return Stream.of(
            row("A2: local recipient", client().mailFrom("john@example.com"), true, null, PASS),
            row("A2: non-local recipient, unauthenticated local sender", client().mailFrom("john@example.com"), false, true, AUTH_REQUIRED),
            row("A2: non-local recipient, sender not local", client().mailFrom("john@example.org"), false, false, PASS),
            row("A2: non-local recipient, authenticated", client().authUser("john@example.com").mailFrom("john@example.com"), false, null, PASS),
            row("A2: non-local recipient, trusted IP", client().trusted(true).mailFrom("john@example.com"), false, null, PASS),
            row("A2: non-local recipient, null sender", client().nullSender(), false, null, PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void atRcpt(String name, SessionSnapshot session, boolean recipientIsLocal, Boolean senderIsLocal, String expected) {
        assertThat(LocalSenderRequiresAuthCheck.checkRecipient(session, answer(senderIsLocal), recipientIsLocal))
            .hasToString(expected);
    }

    @Test
    void theRefusalNamesTheSenderForTheAuditLog() {
        assertThat(LocalSenderRequiresAuthCheck.check(client().mailFrom("john@example.com").build(), answer(true)).detail())
            .contains("unauthenticated local sender john@example.com");
    }
}
