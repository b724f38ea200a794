package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuardMetricsTest {
    @Test
    void everyMetricNameStartsWithThePrefix() {
        assertThat(GuardMetrics.PREFIX).isEqualTo("jamesguard_");
    }

    @Test
    void noopStillRunsTimedWork() {
        assertThat(GuardMetrics.NOOP.time("jamesguard_dns_ptr", () -> "answer")).isEqualTo("answer");
    }

    @Test
    void noopAcceptsCountersAndGaugesWithoutReadingThem() {
        GuardMetrics.NOOP.increment("jamesguard_ptr_pass");
        GuardMetrics.NOOP.gauge("jamesguard_screened_ips", () -> {
            throw new AssertionError("a no-op gauge must not be read");
        });
    }
}
