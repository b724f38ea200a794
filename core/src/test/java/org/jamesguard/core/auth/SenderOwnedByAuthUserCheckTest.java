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

/** SPEC A5: the authenticated account must own the return-path; A7/A8 exempt; the null sender passes. */
class SenderOwnedByAuthUserCheckTest {
    private static final String PASS = "sender-owned-by-auth-user: pass";
    private static final String NOT_OWNED = "sender-owned-by-auth-user: reject 550 5.7.1 Sender address not owned by authenticated user";

    static Stream<Arguments> table() {
        return Stream.of(
            row("own address", client().authUser("john@example.com").mailFrom("john@example.com"), true, false, PASS),
            row("alias or delegation of the account", client().authUser("john@example.com").mailFrom("sales@example.com"), true, false, PASS),
            row("someone else's address", client().authUser("john@example.com").mailFrom("ceo@example.com"), false, false, NOT_OWNED),
            row("foreign address", client().authUser("john@example.com").mailFrom("john@example.org"), false, false, NOT_OWNED),
            row("trusted IP does not exempt", client().trusted(true).authUser("john@example.com").mailFrom("ceo@example.com"), false, false, NOT_OWNED),
            row("A7/A8 exempt: ownership never asked", client().authUser("john@example.com").mailFrom("news@example.com"), null, true, PASS),
            row("null sender: bounces carry it", client().authUser("john@example.com").nullSender(), null, false, PASS),
            row("unauthenticated: A1's business", client().mailFrom("ceo@example.com"), null, false, PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, SessionSnapshot session, Boolean owned, boolean exempt, String expected) {
        assertThat(SenderOwnedByAuthUserCheck.check(session, answer(owned), exempt)).hasToString(expected);
    }

    @Test
    void theRefusalNamesAccountAndSenderForTheAuditLog() {
        SessionSnapshot session = client().authUser("john@example.com").mailFrom("ceo@example.com").build();

        assertThat(SenderOwnedByAuthUserCheck.check(session, answer(false), false).detail())
            .contains("john@example.com used ceo@example.com");
    }
}
