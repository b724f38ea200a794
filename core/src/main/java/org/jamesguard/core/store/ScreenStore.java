package org.jamesguard.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dynamic screen: blocked IPs with expiry. IPs are keys in their canonical text form. Time is
 * always passed in, so expiry is decided by the caller's clock; backends only clean up.
 */
public interface ScreenStore {
    /** Adds the entry, replacing any entry for the same IP. */
    void put(ScreenEntry entry);

    /** The active entry for {@code ip} at {@code now}; expired entries are absent. */
    Optional<ScreenEntry> find(String ip, Instant now);

    /** @return whether an entry was removed */
    boolean remove(String ip);

    /** Active entries at {@code now}, ordered by IP. */
    List<ScreenEntry> list(Instant now);
}
