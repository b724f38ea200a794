package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The administrators' view of an account's counters (WebAdmin's {@code /guard/accounts/{account}/counters}). */
class AccountUsageTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final String JOHN = "john@example.com";

    private final HijackFixture hijack = HijackFixture.of("<limits><other><max>5</max><window>1h</window></other></limits>");
    private final AccountUsage usage = new AccountUsage(hijack.config(), hijack.counters(), hijack.policy(), hijack.frozen(),
        hijack.clock());

    @Test
    void showsTheCountsAgainstTheLimitsThatApply() {
        hijack.counters().acquireMessages(JOHN, IpClass.OTHER, 2, hijack.config().other, T0);
        hijack.counters().recordIp(JOHN, "198.51.100.7", T0);

        Map<String, Object> view = usage.of(JOHN);

        assertThat(view).containsEntry("account", JOHN).containsEntry("watched", true).containsEntry("frozen", false)
            .containsEntry("ipsSeen", List.of("198.51.100.7"));
        assertThat(view.keySet()).containsExactly("account", "watched", "frozen", "counting", "messages",
            "clientAddresses", "refusedRecipients", "ipsSeen");
        assertThat(((Map<?, ?>) view.get("messages")).get(IpClass.OTHER.key()))
            .isEqualTo(Map.of("count", 2L, "max", 5, "window", "1h", "mode", "enforce"));
    }

    @Test
    void saysWhenTheAccountIsFrozenOrNotWatched() {
        hijack.freezes().freeze(JOHN, "by hand", true, Map.of(), AuditContext.forAccount(JOHN));

        assertThat(usage.of(JOHN)).containsEntry("frozen", true);
        assertThat(usage.of("postmaster@example.com")).containsEntry("watched", false);
    }
}
