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

/** SPEC A9: postmaster@, abuse@, webmaster@ (or an alias of one) always need AUTH, even from trusted IPs. */
class PrivilegedSenderRequiresAuthCheckTest {
    private static final String PASS = "privileged-sender-requires-auth: pass";
    private static final String AUTH_REQUIRED = "privileged-sender-requires-auth: reject 530 5.7.0 Authentication required";

    static Stream<Arguments> table() {
        return Stream.of(
            row("unauthenticated privileged sender", client().mailFrom("postmaster@example.com"), true, AUTH_REQUIRED),
            row("privileged sender from a trusted IP", client().trusted(true).mailFrom("abuse@example.com"), true, AUTH_REQUIRED),
            row("alias of a privileged address", client().mailFrom("hostmaster@example.com"), true, AUTH_REQUIRED),
            row("ordinary sender", client().mailFrom("john@example.com"), false, PASS),
            row("authenticated: never asked", client().authUser("john@example.com").mailFrom("postmaster@example.com"), null, PASS),
            row("null sender: never asked", client().nullSender(), null, PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, SessionSnapshot session, Boolean privileged, String expected) {
        assertThat(PrivilegedSenderRequiresAuthCheck.check(session, answer(privileged))).hasToString(expected);
    }

    @Test
    void theRefusalNamesTheSenderForTheAuditLog() {
        assertThat(PrivilegedSenderRequiresAuthCheck.check(client().mailFrom("webmaster@example.com").build(), answer(true)).detail())
            .contains("unauthenticated privileged sender webmaster@example.com");
    }
}
