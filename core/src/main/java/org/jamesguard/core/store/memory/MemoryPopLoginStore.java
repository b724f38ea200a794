package org.jamesguard.core.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.StoreConfig;

/**
 * POP3 logins per IP in memory, each kept a day; at most {@code maxEntries} IPs, the oldest login evicted first
 * ({@link ExpiryIndex}).
 */
public final class MemoryPopLoginStore implements PopLoginStore {
    private static final Duration KEEP = Duration.ofDays(1);

    private final ConcurrentHashMap<String, Instant> logins = new ConcurrentHashMap<>();
    private final ExpiryIndex expiries;
    private final Runnable evicted;

    public MemoryPopLoginStore() {
        this(StoreConfig.DEFAULT_MAX_ENTRIES, () -> { });
    }

    /** @param evicted called once per IP evicted to stay within {@code maxEntries} */
    public MemoryPopLoginStore(int maxEntries, Runnable evicted) {
        this.expiries = new ExpiryIndex(maxEntries);
        this.evicted = evicted;
    }

    @Override
    public void recordLogin(String ip, Instant at) {
        logins.compute(ip, (k, previous) -> {
            Instant latest = previous == null || at.isAfter(previous) ? at : previous;
            expiries.put(k, expiry(latest));
            return latest;
        });
        for (Optional<ExpiryIndex.Due> due = expiries.pollDue(at); due.isPresent(); due = expiries.pollDue(at)) {
            boolean evict = due.get().evicted;
            logins.computeIfPresent(due.get().key, (k, last) -> {
                if (evict || !expiry(last).isAfter(at)) {
                    return null;
                }
                expiries.put(k, expiry(last));
                return last;
            });
            if (evict) {
                evicted.run();
            }
        }
    }

    /** A login exactly a day old is kept. */
    private static Instant expiry(Instant login) {
        return login.plus(KEEP).plusNanos(1);
    }

    @Override
    public Optional<Instant> lastLogin(String ip) {
        return Optional.ofNullable(logins.get(ip));
    }
}
