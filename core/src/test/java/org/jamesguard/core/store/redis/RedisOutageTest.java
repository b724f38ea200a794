package org.jamesguard.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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

import com.google.common.base.Throwables;

import io.lettuce.core.RedisCommandTimeoutException;

/**
 * Every lettuce failure is a {@link StoreUnavailableException}, so the failure policy decides: refused at once while
 * Redis is away, ended by the timeout while Redis holds a command; and the store works again by itself when Redis
 * does. What shows "at once" is the cause, not a stopwatch: a refusal, never a timeout.
 */
class RedisOutageTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Longer than any test runs: Redis answers nothing until {@link #redisIsBack} restarts it. */
    private static final Duration FOR_THE_REST_OF_THE_TEST = Duration.ofMinutes(1);
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

    /** Fails as unavailable without waiting for Redis: refused, not timed out. */
    private static void assertRefusedAtOnce(ThrowingCallable operation) {
        Throwable failure = catchThrowable(operation);
        assertThat(failure).isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith("Redis redis://127.0.0.1:");
        assertThat(Throwables.getCausalChain(failure)).as("refused, not timed out")
            .noneMatch(RedisCommandTimeoutException.class::isInstance);
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
        // a command written before the connection's end was noticed may still wait for its timeout
        Awaitility.await("the store notices Redis is gone").atMost(Duration.ofSeconds(10))
            .until(() -> stores.health().get("reachable").equals(false));
        operations(stores).forEach(RedisOutageTest::assertRefusedAtOnce);
        assertThat(stores.health()).containsEntry("reachable", false);

        redis.server().restart();
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreException(StoreUnavailableException.class)
            .until(() -> stores.counters().increment("k", 1, WINDOW, NOW) == 1);
        assertThat(stores.freezes().freeze(FreezeRecords.of("john@example.com").frozenAt(NOW).build()))
            .as("a script Redis forgot with its restart").isTrue();
        assertThat(stores.health()).containsEntry("reachable", true);
    }

    @Test
    void aRedisThatHoldsTheCommandFailsTheOperationAtTheTimeout() {
        Stores stores = connect();
        stores.counters().count("k", WINDOW, NOW);

        redis.server().pause(FOR_THE_REST_OF_THE_TEST);

        assertThatThrownBy(() -> stores.counters().tryAcquire("k", 1, 10, WINDOW, NOW))
            .as("ended by the timeout, while Redis still held the command")
            .isInstanceOf(StoreUnavailableException.class).hasCauseInstanceOf(RedisCommandTimeoutException.class);
    }

    @Test
    void aRedisDownAtStartIsUsedOnceItIsUp() {
        redis.server().stop();
        Stores stores = connect();
        operations(stores).forEach(RedisOutageTest::assertRefusedAtOnce);

        redis.server().restart();

        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreException(StoreUnavailableException.class)
            .until(() -> stores.tokens().use("t", NOW.plus(WINDOW), NOW));
    }
}
