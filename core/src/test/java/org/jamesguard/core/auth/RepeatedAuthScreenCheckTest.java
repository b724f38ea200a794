package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.client;
import static org.jamesguard.core.auth.CheckTables.row;

import java.util.stream.Stream;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.SessionSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC A12 (AUTH where it is not offered) and A13 (failed AUTH): at the limit, 421 and close. */
class RepeatedAuthScreenCheckTest {
    private static final CheckId PROBES = RepeatedAuthScreenCheck.PROBES;
    private static final CheckId FAILURES = RepeatedAuthScreenCheck.FAILURES;
    private static final String SCREENED = " reject 421 4.7.0 Too many authentication attempts, try again later (close)";

    static Stream<Arguments> table() {
        return Stream.of(
            row("A12: first attempt", client(), PROBES, 1L, 3, "auth-probes-screen: pass"),
            row("A12: one below the limit", client(), PROBES, 2L, 3, "auth-probes-screen: pass"),
            row("A12: at the limit", client(), PROBES, 3L, 3, "auth-probes-screen:" + SCREENED),
            row("A12: over the limit", client(), PROBES, 4L, 3, "auth-probes-screen:" + SCREENED),
            row("A12: limit of one screens the first attempt", client(), PROBES, 1L, 1, "auth-probes-screen:" + SCREENED),
            row("A13: one below the limit", client(), FAILURES, 9L, 10, "failed-auth-screen: pass"),
            row("A13: at the limit", client(), FAILURES, 10L, 10, "failed-auth-screen:" + SCREENED),
            row("A13: trusted IP never", client().trusted(true), FAILURES, 1000L, 10, "failed-auth-screen: pass"),
            row("A12: trusted IP never", client().trusted(true), PROBES, 3L, 3, "auth-probes-screen: pass"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, SessionSnapshot session, CheckId id, long count, int limit, String expected) {
        assertThat(RepeatedAuthScreenCheck.check(id, session, count, limit)).hasToString(expected);
    }

    @Test
    void theRefusalGivesCountAndLimitForTheAuditLog() {
        assertThat(RepeatedAuthScreenCheck.check(FAILURES, client().build(), 11, 10).detail())
            .contains("11 attempts within the window, limit 10");
    }
}
