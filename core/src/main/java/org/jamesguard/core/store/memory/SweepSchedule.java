package org.jamesguard.core.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Lets one caller a minute clean up a memory store, on the time the callers pass in. */
final class SweepSchedule {
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);

    /** True for exactly one caller once the interval has passed. */
    boolean due(Instant now) {
        Instant due = next.get();
        return !now.isBefore(due) && next.compareAndSet(due, now.plus(INTERVAL));
    }
}
