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

/** SPEC C5: the distinct-address store's admission of one login, to the verdict line. */
class DistinctIpLimitCheckTest {
    private static final String FROZEN =
        "distinct-ips: reject 552 5.7.1 Account frozen: logins from too many client addresses, contact your postmaster (close)";
    private static final HijackConfig.Limit TEN = new HijackConfig.Limit(10, Duration.ofMinutes(60));
    private static final String PASS = "distinct-ips: pass";

    static Stream<Arguments> table() {
        return Stream.of(
            Arguments.of("first address", acquired(1), PERMANENT, false, PASS),
            Arguments.of("the last address the limit allows", acquired(10), PERMANENT, false, PASS),
            Arguments.of("an address already seen at the limit", acquired(10), TEMPORARY, true, PASS),
            Arguments.of("one address too many, 5xx", refused(10), PERMANENT, false,
                "distinct-ips: reject 550 5.7.1 Account used from too many client addresses"),
            Arguments.of("one address too many, 4xx", refused(10), TEMPORARY, false,
                "distinct-ips: reject 450 4.7.1 Account used from too many client addresses, try again later"),
            Arguments.of("one address too many, freezing", refused(10), PERMANENT, true, FROZEN),
            Arguments.of("freezing wins over 4xx", refused(10), TEMPORARY, true, FROZEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, Acquisition admission, HijackConfig.LimitReply reply, boolean freeze, String expected) {
        assertThat(DistinctIpLimitCheck.check(admission, TEN, reply, freeze)).hasToString(expected);
    }

    @Test
    void theRefusalGivesCountWindowAndLimitForTheAuditLog() {
        assertThat(DistinctIpLimitCheck.check(refused(10), TEN, PERMANENT, false).detail())
            .contains("10 client addresses already within 1h, limit 10");
    }
}
