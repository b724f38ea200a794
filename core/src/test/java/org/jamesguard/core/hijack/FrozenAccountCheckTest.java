package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.jamesguard.core.Replies;
import org.jamesguard.core.Reply;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC C7: the stored freeze of the account (or none) and the asking step's reply, to the verdict line. */
class FrozenAccountCheckTest {
    private static final FreezeRecord FROZEN = FreezeRecords.of("john@example.com").build();
    private static final FreezeRecord DUE = FreezeRecords.of("john@example.com")
        .expires(MutableClock.DEFAULT_START.plus(Duration.ofHours(1))).build();

    static Stream<Arguments> table() {
        return Stream.of(
            Arguments.of("not frozen, login", Optional.empty(), Replies.ACCOUNT_FROZEN, "frozen-account: pass"),
            Arguments.of("not frozen, MAIL", Optional.empty(), Replies.ACCOUNT_FROZEN_SESSION, "frozen-account: pass"),
            Arguments.of("frozen, login", Optional.of(FROZEN), Replies.ACCOUNT_FROZEN,
                "frozen-account: reject 535 5.7.8 Account frozen: contact your postmaster"),
            Arguments.of("frozen, MAIL of a session that logged in before", Optional.of(FROZEN), Replies.ACCOUNT_FROZEN_SESSION,
                "frozen-account: reject 550 5.7.1 Account frozen: contact your postmaster"),
            Arguments.of("a freeze refuses until lifted, even past its expiry", Optional.of(DUE), Replies.ACCOUNT_FROZEN,
                "frozen-account: reject 535 5.7.8 Account frozen: contact your postmaster"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, Optional<FreezeRecord> freeze, Reply refusal, String expected) {
        assertThat(FrozenAccountCheck.check(freeze, refusal)).hasToString(expected);
    }

    @Test
    void theRefusalDescribesTheFreezeForTheAuditLog() {
        assertThat(FrozenAccountCheck.check(Optional.of(FROZEN), Replies.ACCOUNT_FROZEN).detail())
            .contains("john@example.com frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs))");
        assertThat(FrozenAccountCheck.check(Optional.of(DUE), Replies.ACCOUNT_FROZEN).detail())
            .contains("john@example.com frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs)) until 2026-01-01T01:00:00Z");
    }
}
