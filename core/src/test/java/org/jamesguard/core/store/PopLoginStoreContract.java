package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jamesguard.core.testing.Concurrently;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PopLoginStore} backend must do. A backend's test implements this interface:
 * <pre>{@code
 * class MemoryPopLoginStoreTest implements PopLoginStoreContract {
 *     private final MutableClock clock = new MutableClock();
 *     private final MemoryPopLoginStore store = new MemoryPopLoginStore();
 *
 *     public PopLoginStore testee() { return store; }
 *     public MutableClock clock() { return clock; }
 * }
 * }</pre>
 * {@link #testee()} returns the same store throughout one test, empty at its start. The contract never
 * sleeps: logins happen at {@code clock().instant()} and the contract moves the clock. How long a login is
 * remembered beyond the POP-before-SMTP window is the backend's business (at least a day), so it is not asked.
 */
public interface PopLoginStoreContract {
    String IP = "192.0.2.1";

    PopLoginStore testee();

    MutableClock clock();

    private Instant login(String ip) {
        Instant now = clock().instant();
        testee().recordLogin(ip, now);
        return now;
    }

    @Test
    default void knowsNoLoginOfAnUnknownIp() {
        assertThat(testee().lastLogin(IP)).isEmpty();
    }

    @Test
    default void remembersALogin() {
        Instant at = login(IP);

        assertThat(testee().lastLogin(IP)).contains(at);
        assertThat(testee().lastLogin("192.0.2.2")).isEmpty();
    }

    @Test
    default void keepsTheLatestLogin() {
        login(IP);
        clock().advance(Duration.ofMinutes(1));
        Instant later = login(IP);

        assertThat(testee().lastLogin(IP)).contains(later);
    }

    @Test
    default void anOlderLoginArrivingLateDoesNotReplaceALaterOne() {
        Instant earlier = clock().instant();
        clock().advance(Duration.ofMinutes(1));
        Instant later = login(IP);

        testee().recordLogin(IP, earlier);

        assertThat(testee().lastLogin(IP)).contains(later);
    }

    @Test
    default void ipsAreKeptApart() {
        Instant v6 = login("2001:db8::1");
        clock().advance(Duration.ofSeconds(1));
        Instant v4 = login("192.0.2.10");

        assertThat(testee().lastLogin("2001:db8::1")).contains(v6);
        assertThat(testee().lastLogin("192.0.2.10")).contains(v4);
        assertThat(testee().lastLogin("192.0.2.1")).isEmpty();
    }

    @Test
    default void keepsTheInstantToTheNanosecond() {
        clock().set(Instant.parse("2026-03-04T05:06:07.123456789Z"));
        login(IP);
        clock().advance(Duration.ofNanos(1));
        Instant later = login(IP);

        assertThat(testee().lastLogin(IP)).contains(Instant.parse("2026-03-04T05:06:07.123456790Z")).contains(later);
    }

    @Test
    default void aLoginIsRememberedForAtLeastADay() {
        Instant at = login(IP);
        clock().advance(Duration.ofDays(1));

        assertThat(testee().lastLogin(IP)).contains(at);
    }

    @Test
    default void concurrentLoginsKeepTheLatest() throws Exception {
        Instant start = clock().instant();

        Concurrently.run(8, thread -> {
            testee().recordLogin(IP, start.plusSeconds(thread));
            return null;
        });

        assertThat(testee().lastLogin(IP)).contains(start.plusSeconds(7));
    }
}
