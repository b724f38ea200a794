package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The per-account state of hijack detection, over memory stores, and the keys it is stored under. */
class HijackCountersTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final String JOHN = "john@example.com";
    private static final String JANE = "jane@example.com";
    private static final HijackConfig.Limit THREE_PER_HOUR = new HijackConfig.Limit(3, Duration.ofHours(1));
    private static final Duration HOUR = Duration.ofHours(1);

    private final HijackFixture hijack = HijackFixture.of("");
    private final HijackCounters counters = hijack.counters();

    @Test
    void messagesAreCountedPerAccountAndIpClassUpToTheLimit() {
        assertThat(counters.acquireMessages(JOHN, IpClass.OTHER, 2, THREE_PER_HOUR, T0)).isEqualTo(Acquisition.acquired(2));
        assertThat(counters.acquireMessages(JOHN, IpClass.OTHER, 2, THREE_PER_HOUR, T0)).isEqualTo(Acquisition.refused(2));
        assertThat(counters.acquireMessages(JOHN, IpClass.LOCAL, 3, THREE_PER_HOUR, T0)).isEqualTo(Acquisition.acquired(3));
        assertThat(counters.acquireMessages(JANE, IpClass.OTHER, 3, THREE_PER_HOUR, T0)).isEqualTo(Acquisition.acquired(3));

        assertThat(counters.messages(JOHN, IpClass.OTHER, THREE_PER_HOUR, T0)).isEqualTo(2);
        assertThat(counters.messages(JOHN, IpClass.LOCAL, THREE_PER_HOUR, T0)).isEqualTo(3);
        assertThat(counters.messages(JOHN, IpClass.RESERVED, THREE_PER_HOUR, T0)).isZero();
    }

    @Test
    void refusedRecipientsAreCountedWithoutLimit() {
        assertThat(counters.countRcptFailure(JOHN, THREE_PER_HOUR, T0)).isEqualTo(1);
        assertThat(counters.countRcptFailure(JOHN, THREE_PER_HOUR, T0)).isEqualTo(2);
        assertThat(counters.countRcptFailure(JOHN, THREE_PER_HOUR, T0)).isEqualTo(3);
        assertThat(counters.countRcptFailure(JOHN, THREE_PER_HOUR, T0)).isEqualTo(4);

        assertThat(counters.rcptFailures(JOHN, THREE_PER_HOUR, T0)).isEqualTo(4);
        assertThat(counters.rcptFailures(JANE, THREE_PER_HOUR, T0)).isZero();
    }

    @Test
    void loginSourcesAreAdmittedUpToTheLimit() {
        counters.admitLoginSource(JOHN, "192.0.2.1", THREE_PER_HOUR, T0);
        counters.admitLoginSource(JOHN, "192.0.2.2", THREE_PER_HOUR, T0);
        counters.admitLoginSource(JOHN, "192.0.2.3", THREE_PER_HOUR, T0);

        assertThat(counters.admitLoginSource(JOHN, "192.0.2.4", THREE_PER_HOUR, T0)).isEqualTo(Acquisition.refused(3));
        assertThat(counters.admitLoginSource(JOHN, "192.0.2.1", THREE_PER_HOUR, T0)).isEqualTo(Acquisition.acquired(3));
        assertThat(counters.loginSources(JOHN, THREE_PER_HOUR, T0)).isEqualTo(3);
        assertThat(counters.loginSources(JANE, THREE_PER_HOUR, T0)).isZero();
    }

    @Test
    void theIpsSeenAreThoseOfTheLast24HoursMostRecentFirst() {
        counters.recordIp(JOHN, "192.0.2.1", T0);
        counters.recordIp(JOHN, "192.0.2.2", T0.plus(Duration.ofHours(1)));
        counters.recordIp(JOHN, "192.0.2.3", T0.plus(Duration.ofHours(2)));
        counters.recordIp(JOHN, "192.0.2.2", T0.plus(Duration.ofHours(3)));

        assertThat(counters.ipsSeen(JOHN, T0.plus(Duration.ofHours(24)))).containsExactly("192.0.2.2", "192.0.2.3", "192.0.2.1");
        assertThat(counters.ipsSeen(JOHN, T0.plus(Duration.ofHours(24)).plusMillis(1))).containsExactly("192.0.2.2", "192.0.2.3");
    }

    @Test
    void theIpsSeenAreNotLimited() {
        for (int i = 1; i <= 20; i++) {
            counters.recordIp(JOHN, "192.0.2." + i, T0);
        }

        assertThat(counters.ipsSeen(JOHN, T0)).hasSize(20);
        assertThat(counters.loginSources(JOHN, THREE_PER_HOUR, T0)).as("apart from the login sources of C5").isZero();
    }

    @Test
    void resetForgetsEveryCounterOfTheAccountOnly() {
        for (String account : new String[] {JOHN, JANE}) {
            for (IpClass ipClass : IpClass.values()) {
                counters.acquireMessages(account, ipClass, 1, THREE_PER_HOUR, T0);
            }
            counters.countRcptFailure(account, THREE_PER_HOUR, T0);
            counters.admitLoginSource(account, "192.0.2.1", THREE_PER_HOUR, T0);
            counters.recordIp(account, "192.0.2.1", T0);
        }

        counters.reset(JOHN);

        for (IpClass ipClass : IpClass.values()) {
            assertThat(counters.messages(JOHN, ipClass, THREE_PER_HOUR, T0)).as(ipClass.key()).isZero();
            assertThat(counters.messages(JANE, ipClass, THREE_PER_HOUR, T0)).as(ipClass.key()).isEqualTo(1);
        }
        assertThat(counters.rcptFailures(JOHN, THREE_PER_HOUR, T0)).isZero();
        assertThat(counters.loginSources(JOHN, THREE_PER_HOUR, T0)).isZero();
        assertThat(counters.ipsSeen(JOHN, T0)).isEmpty();
        assertThat(counters.rcptFailures(JANE, THREE_PER_HOUR, T0)).isEqualTo(1);
        assertThat(counters.loginSources(JANE, THREE_PER_HOUR, T0)).isEqualTo(1);
        assertThat(counters.ipsSeen(JANE, T0)).containsExactly("192.0.2.1");
    }

    /** Persistent backends keep these keys across upgrades: changing them loses every account's counts. */
    @Test
    void theStoreKeysAreNamedUnderHijack() {
        counters.acquireMessages(JOHN, IpClass.RESERVED, 1, THREE_PER_HOUR, T0);
        counters.countRcptFailure(JOHN, THREE_PER_HOUR, T0);
        counters.admitLoginSource(JOHN, "192.0.2.0/24", THREE_PER_HOUR, T0);
        counters.recordIp(JOHN, "192.0.2.7", T0);

        assertThat(hijack.counterStore().count("hijack|messages|reserved|john@example.com", HOUR, T0)).isEqualTo(1);
        assertThat(hijack.counterStore().count("hijack|rcpt-fail|john@example.com", HOUR, T0)).isEqualTo(1);
        assertThat(hijack.distinctStore().members("hijack|sources|john@example.com", HOUR, T0)).containsExactly("192.0.2.0/24");
        assertThat(hijack.distinctStore().members("hijack|ips|john@example.com", HOUR, T0)).containsExactly("192.0.2.7");
    }
}
