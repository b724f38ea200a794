package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC C8: the count of 5xx RCPT replies including this one, to the verdict line: at the limit, a freeze. */
class RcptFailureLimitCheckTest {
    private static final String FROZEN =
        "rcpt-failures: reject 552 5.7.1 Account frozen: too many refused recipients, contact your postmaster (close)";

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', value = {
        "1|  20| rcpt-failures: pass",
        "19| 20| rcpt-failures: pass",
        "20| 20| " + FROZEN,
        "21| 20| " + FROZEN,
        "1|  1|  " + FROZEN,
        "0|  1|  rcpt-failures: pass",
    })
    void decides(long failures, int max, String expected) {
        assertThat(RcptFailureLimitCheck.check(failures, new HijackConfig.Limit(max, Duration.ofMinutes(10)))).hasToString(expected);
    }

    @Test
    void theFreezeGivesCountWindowAndLimitForTheAuditLog() {
        assertThat(RcptFailureLimitCheck.check(20, new HijackConfig.Limit(20, Duration.ofMinutes(10))).detail())
            .contains("20 refused recipients within 10m, limit 20");
    }
}
