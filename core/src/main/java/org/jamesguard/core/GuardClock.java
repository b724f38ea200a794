package org.jamesguard.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of James Guard's state: freezes and their expiry, unfreeze tokens, the dynamic screen, hijack counters.
 * It is James's clock. Only when the JVM runs with {@code -Djamesguard.testing.clock=true}, which the end-to-end test
 * harness sets and nothing else should, can it be moved forward ({@link #advance}), so a test sees expiry without
 * waiting for it.
 */
public final class GuardClock extends Clock {
    /** The system property that makes the clock movable: set by the test harness only. */
    public static final String TEST_PROPERTY = "jamesguard.testing.clock";

    private final Clock base;
    private final boolean movable;
    private final AtomicReference<Duration> offset;

    private GuardClock(Clock base, boolean movable, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.movable = movable;
        this.offset = offset;
    }

    /** {@code base}, movable when {@value #TEST_PROPERTY} is {@code true} in this JVM. */
    public static GuardClock of(Clock base) {
        return of(base, Boolean.parseBoolean(System.getProperty(TEST_PROPERTY)));
    }

    public static GuardClock of(Clock base, boolean movable) {
        return new GuardClock(base, movable, new AtomicReference<>(Duration.ZERO));
    }

    public boolean movable() {
        return movable;
    }

    /**
     * Moves the clock forward by {@code amount} and returns the new time.
     *
     * @throws IllegalStateException unless the clock is {@link #movable()}
     * @throws IllegalArgumentException for a negative amount: the clock never goes back
     */
    public Instant advance(Duration amount) {
        if (!movable) {
            throw new IllegalStateException("James Guard's clock moves only in tests (-D" + TEST_PROPERTY + "=true)");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, got " + amount);
        }
        Duration moved = offset.accumulateAndGet(amount, Duration::plus);
        return base.instant().plus(moved);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same clock in another zone: moving one moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new GuardClock(base.withZone(zone), movable, offset);
    }
}
