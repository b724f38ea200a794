package org.jamesguard.core.store.memory;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jamesguard.core.store.TokenStore;

/** Used tokens in memory; expired ones are forgotten once a minute. */
public final class MemoryTokenStore implements TokenStore {
    private final ConcurrentHashMap<String, Instant> used = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule();

    public MemoryTokenStore() {
    }

    /** A store holding {@code restored}, token id to expiry (a file store's tokens at start). */
    public MemoryTokenStore(Map<String, Instant> restored) {
        used.putAll(restored);
    }

    @Override
    public boolean use(String tokenId, Instant expires, Instant now) {
        if (sweeps.due(now)) {
            used.values().removeIf(expiry -> expiry.isBefore(now));
        }
        return used.putIfAbsent(tokenId, expires) == null;
    }

    /** Every used token with its expiry, expired ones not yet forgotten included: what a file store writes. */
    public Map<String, Instant> snapshot() {
        return Map.copyOf(used);
    }
}
