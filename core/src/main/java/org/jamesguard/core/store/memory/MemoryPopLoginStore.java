package org.jamesguard.core.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jamesguard.core.auth.PopLoginStore;

/** POP3 logins per IP in memory; entries older than a day are swept once a minute as logins arrive. */
public final class MemoryPopLoginStore implements PopLoginStore {
    private static final Duration KEEP = Duration.ofDays(1);

    private final ConcurrentHashMap<String, Instant> logins = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule();

    @Override
    public void recordLogin(String ip, Instant at) {
        logins.merge(ip, at, (previous, latest) -> latest.isAfter(previous) ? latest : previous);
        if (sweeps.due(at)) {
            Instant oldest = at.minus(KEEP);
            logins.values().removeIf(login -> login.isBefore(oldest));
        }
    }

    @Override
    public Optional<Instant> lastLogin(String ip) {
        return Optional.ofNullable(logins.get(ip));
    }
}
