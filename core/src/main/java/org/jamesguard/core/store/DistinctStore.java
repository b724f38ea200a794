package org.jamesguard.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Distinct members (client IPs, networks) seen per key within a sliding window, with when each was last seen. */
public interface DistinctStore {
    /**
     * Admits {@code member} at {@code now} if it was seen within the window already, or if fewer than
     * {@code max} members were; a refused member is not recorded. Atomic per key.
     *
     * @return whether it was admitted, and the number of distinct members within the window after
     */
    CounterStore.Acquisition admit(String key, String member, int max, Duration window, Instant now);

    /** The members seen within the window, most recent first. */
    List<String> members(String key, Duration window, Instant now);

    void delete(String key);
}
