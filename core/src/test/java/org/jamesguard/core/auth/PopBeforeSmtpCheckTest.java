package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.client;
import static org.jamesguard.core.auth.CheckTables.row;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.jamesguard.core.SessionSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC A10: a local sender needs a POP3 login from the same IP within the window (30 minutes here, asked
 * at {@link #NOW}); authenticated sessions are exempt unless configured otherwise.
 */
class PopBeforeSmtpCheckTest {
    private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final String PASS = "pop-before-smtp: pass";
    private static final String REQUIRED = "pop-before-smtp: reject 530 5.7.0 Authentication required (or a recent POP3 login from this address)";

    private static Optional<Instant> ago(Duration duration) {
        return Optional.of(NOW.minus(duration));
    }

    static Stream<Arguments> table() {
        SessionSnapshot.Builder local = client().mailFrom("john@example.com");
        SessionSnapshot.Builder authenticated = client().authUser("john@example.com").mailFrom("john@example.com");
        return Stream.of(
            row("local sender, no POP3 login", local, true, true, Optional.empty(), REQUIRED),
            row("login a second ago", local, true, true, ago(Duration.ofSeconds(1)), PASS),
            row("login exactly one window ago", local, true, true, ago(WINDOW), PASS),
            row("login one window and a nanosecond ago", local, true, true, ago(WINDOW.plusNanos(1)), REQUIRED),
            row("login a day ago", local, true, true, ago(Duration.ofDays(1)), REQUIRED),
            row("login stamped in the future (clock skew)", local, true, true, Optional.of(NOW.plusSeconds(5)), PASS),
            row("sender not in a local domain", client().mailFrom("john@example.org"), false, true, Optional.empty(), PASS),
            row("trusted IP", client().trusted(true).mailFrom("john@example.com"), true, true, Optional.empty(), PASS),
            row("null sender", client().nullSender(), false, true, Optional.empty(), PASS),
            row("authenticated and exempt", authenticated, true, true, Optional.empty(), PASS),
            row("authenticated, not exempt, no login", authenticated, true, false, Optional.empty(), REQUIRED),
            row("authenticated, not exempt, recent login", authenticated, true, false, ago(Duration.ofMinutes(29)), PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, SessionSnapshot session, boolean senderInLocalDomain, boolean exemptAuthenticated,
                 Optional<Instant> lastLogin, String expected) {
        assertThat(PopBeforeSmtpCheck.check(session, () -> senderInLocalDomain, exemptAuthenticated, () -> lastLogin, WINDOW, NOW))
            .hasToString(expected);
    }

    @Test
    void anExemptSessionCostsNoLookUp() {
        SessionSnapshot authenticated = client().authUser("john@example.com").mailFrom("john@example.com").build();

        assertThat(PopBeforeSmtpCheck.check(authenticated, () -> {
            throw new AssertionError("asked whether the sender is local");
        }, true, () -> {
            throw new AssertionError("asked for the last POP3 login");
        }, WINDOW, NOW)).hasToString(PASS);
    }

    @Test
    void theRefusalSaysSinceWhenALoginWasMissing() {
        SessionSnapshot session = client().mailFrom("john@example.com").build();

        assertThat(PopBeforeSmtpCheck.check(session, () -> true, true, Optional::empty, WINDOW, NOW).detail())
            .contains("no POP3 login from this IP since 2026-01-01T00:30:00Z");
    }
}
