package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.client;
import static org.jamesguard.core.auth.CheckTables.row;

import java.util.stream.Stream;

import org.jamesguard.core.SessionSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC A4: sessions from local IPs (server addresses, LAN) must authenticate, trusted IPs excepted. */
class LocalIpRequiresAuthCheckTest {
    private static final String PASS = "local-ip-requires-auth: pass";
    private static final String AUTH_REQUIRED = "local-ip-requires-auth: reject 530 5.7.0 Authentication required";

    static Stream<Arguments> table() {
        return Stream.of(
            row("unauthenticated session from a local IP", client().mailFrom("john@example.org"), true, AUTH_REQUIRED),
            row("local IP, whatever the sender: null sender too", client().nullSender(), true, AUTH_REQUIRED),
            row("local IP, authenticated", client().authUser("john@example.com").mailFrom("john@example.com"), true, PASS),
            row("local IP, trusted", client().trusted(true).mailFrom("john@example.com"), true, PASS),
            row("IP that is not local", client().mailFrom("john@example.com"), false, PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, SessionSnapshot session, boolean clientIsLocal, String expected) {
        assertThat(LocalIpRequiresAuthCheck.check(session, clientIsLocal)).hasToString(expected);
    }

    @Test
    void theRefusalSaysWhyForTheAuditLog() {
        assertThat(LocalIpRequiresAuthCheck.check(client().build(), true).detail())
            .contains("unauthenticated session from local IP");
    }
}
