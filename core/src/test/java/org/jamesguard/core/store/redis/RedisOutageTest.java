package org.jamesguard.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.lettuce.core.RedisCommandTimeoutException;

/**
 * Every lettuce failure is a {@link StoreUnavailableException}, met within the timeout, so the failure policy
 * decides; and the store works again by itself when Redis does.
 */
class RedisOutageTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** The timeout, and generous slack for a loaded machine. */
    private static final Duration WITHIN_THE_TIMEOUT = TIMEOUT.plusSeconds(2);
    private static final Instant NOW = MutableClock.DEFAULT_START;
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @RegisterExtension
    static final RedisStoresExtension redis = new RedisStoresExtension();

    private Stores connect() {
        return redis.connect("outage-" + System.nanoTime() + ":", TIMEOUT.toMillis() + "ms");
    }

    /** Every kind of operation, each failing as it should while Redis is away. */
    private static List<ThrowingCallable> operations(Stores stores) {
        return List.of(
            () -> stores.counters().tryAcquire("k", 1, 10, WINDOW, NOW),
            () -> stores.counters().delete("k"),
            () -> stores.distinct().admit("k", "192.0.2.1", 10, WINDOW, NOW),
            () -> stores.screen().put(new ScreenEntry("192.0.2.1", NOW, NOW.plus(WINDOW), "r")),
            () -> stores.screen().list(NOW),
            () -> stores.freezes().freeze(FreezeRecords.of("john@example.com").frozenAt(NOW).build()),
            () -> stores.freezes().findById("abcdefghijklmnop"),
            () -> stores.tokens().use("t", NOW.plus(WINDOW), NOW),
            () -> stores.popLogins().recordLogin("192.0.2.1", NOW));
    }

    private static void assertUnavailableWithinTheTimeout(ThrowingCallable operation) {
        long start = System.nanoTime();
        assertThatThrownBy(operation).isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith("Redis redis://127.0.0.1:");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN_THE_TIMEOUT);
    }

    @AfterEach
    void redisIsBack() {
        redis.server().stop();
        redis.server().restart();
    }

    @Test
    void whileRedisIsStoppedEveryOperationFailsAtOnceAndTheStoreRecoversWhenItIsBack() {
        Stores stores = connect();
        assertThat(stores.counters().increment("k", 1, WINDOW, NOW)).isEqualTo(1);

        redis.server().stop();
        operations(stores).forEach(RedisOutageTest::assertUnavailableWithinTheTimeout);
        assertThat(stores.health()).containsEntry("reachable", false);

        redis.server().restart();
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreException(StoreUnavailableException.class)
            .until(() -> stores.counters().increment("k", 1, WINDOW, NOW) == 1);
        assertThat(stores.freezes().freeze(FreezeRecords.of("john@example.com").frozenAt(NOW).build()))
            .as("a script Redis forgot with its restart").isTrue();
        assertThat(stores.health()).containsEntry("reachable", true);
    }

    @Test
    void aRedisTooSlowToAnswerFailsTheOperationAtTheTimeout() {
        Stores stores = connect();
        stores.counters().count("k", WINDOW, NOW);

        redis.server().pause(Duration.ofMillis(1500));

        long start = System.nanoTime();
        assertThatThrownBy(() -> stores.counters().tryAcquire("k", 1, 10, WINDOW, NOW))
            .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(RedisCommandTimeoutException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(WITHIN_THE_TIMEOUT);
    }

    @Test
    void aRedisDownAtStartIsUsedOnceItIsUp() {
        redis.server().stop();
        Stores stores = connect();
        operations(stores).forEach(RedisOutageTest::assertUnavailableWithinTheTimeout);

        redis.server().restart();

        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreException(StoreUnavailableException.class)
            .until(() -> stores.tokens().use("t", NOW.plus(WINDOW), NOW));
    }
}
