package org.jamesguard.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Distinct members (client IPs, networks) seen per key within a sliding window, with when each was last seen. */
public interface DistinctStore {
    /** Records {@code member} at {@code now}; returns how many distinct members were seen within the window, it included. */
    int add(String key, String member, Duration window, Instant now);

    /** The members seen within the window, most recent first. */
    List<String> members(String key, Duration window, Instant now);

    void delete(String key);
}
