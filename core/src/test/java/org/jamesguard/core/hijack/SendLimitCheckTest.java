package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.hijack.HijackConfig.LimitReply.PERMANENT;
import static org.jamesguard.core.hijack.HijackConfig.LimitReply.TEMPORARY;
import static org.jamesguard.core.store.CounterStore.Acquisition.acquired;
import static org.jamesguard.core.store.CounterStore.Acquisition.refused;

import java.time.Duration;
import java.util.stream.Stream;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC C1–C4, C6, C7: the counter's answer for one message, to the verdict line. */
class SendLimitCheckTest {
    static final String FROZEN_NOW = "reject 552 5.7.1 Account frozen: sending limit reached, contact your postmaster (close)";
    private static final HijackConfig.Limit HUNDRED = new HijackConfig.Limit(100, Duration.ofMinutes(60));
    private static final String PASS = "send-limit: pass";
    private static final String LIMIT_5XX = "send-limit: reject 550 5.7.1 Sending limit reached";
    private static final String LIMIT_4XX = "send-limit: reject 450 4.7.1 Sending limit reached, try again later";

    static Stream<Arguments> table() {
        return Stream.of(
            Arguments.of("first message", acquired(1), PERMANENT, false, PASS),
            Arguments.of("below the limit", acquired(99), PERMANENT, false, PASS),
            Arguments.of("the last message the limit allows", acquired(100), PERMANENT, false, PASS),
            Arguments.of("below the limit with freezing", acquired(100), PERMANENT, true, PASS),
            Arguments.of("below the limit with 4xx", acquired(100), TEMPORARY, false, PASS),
            Arguments.of("past the limit, 5xx", refused(100), PERMANENT, false, LIMIT_5XX),
            Arguments.of("past the limit, 4xx", refused(100), TEMPORARY, false, LIMIT_4XX),
            Arguments.of("past the limit, freezing", refused(100), PERMANENT, true, "send-limit: " + FROZEN_NOW),
            Arguments.of("freezing wins over 4xx", refused(100), TEMPORARY, true, "send-limit: " + FROZEN_NOW),
            Arguments.of("C10: more recipients than the limit at once", refused(0), PERMANENT, false, LIMIT_5XX),
            Arguments.of("C10: recipients that would go past the limit", refused(95), PERMANENT, false, LIMIT_5XX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, Acquisition acquisition, HijackConfig.LimitReply reply, boolean freeze, String expected) {
        assertThat(SendLimitCheck.check(acquisition, IpClass.OTHER, HUNDRED, reply, freeze)).hasToString(expected);
    }

    @Test
    void theRefusalGivesCountClassWindowAndLimitForTheAuditLog() {
        assertThat(SendLimitCheck.check(refused(100), IpClass.OTHER, HUNDRED, PERMANENT, false).detail())
            .contains("100 messages from other IPs within 1h, limit 100");
        assertThat(SendLimitCheck.check(refused(5), IpClass.RESERVED, new HijackConfig.Limit(5, Duration.ofHours(2)), TEMPORARY, true).detail())
            .contains("5 messages from reserved IPs within 2h, limit 5");
    }

    @Test
    void aPassCarriesNoDetail() {
        assertThat(SendLimitCheck.check(acquired(1), IpClass.LOCAL, HUNDRED, PERMANENT, false).detail()).isEmpty();
    }
}
