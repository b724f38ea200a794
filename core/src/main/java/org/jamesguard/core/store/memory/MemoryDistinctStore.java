package org.jamesguard.core.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.DistinctStore;

/**
 * Distinct members in memory, per key in last-seen order. A key keeps every member its limit can need;
 * without a limit ({@code max} of {@link Integer#MAX_VALUE}, as for the IPs a freeze notice lists) only the
 * {@value #MAX_MEMBERS} most recent: more would only cost memory. Each key remembers the window it was
 * last used with, so a sweep prunes it by its own window.
 */
public final class MemoryDistinctStore implements DistinctStore {
    static final int MAX_MEMBERS = 100;

    private final ConcurrentHashMap<String, Members> keys = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule();

    @Override
    public Acquisition admit(String key, String member, int max, Duration window, Instant now) {
        Acquisition[] result = new Acquisition[1];
        keys.compute(key, (k, existing) -> {
            Members members = existing != null ? existing : new Members();
            members.window = window;
            members.prune(now);
            if (members.containsKey(member) || members.size() < max) {
                members.remove(member);
                members.put(member, now);
                members.keepAtMost(max == Integer.MAX_VALUE ? MAX_MEMBERS : Math.max(max, MAX_MEMBERS));
                result[0] = Acquisition.acquired(members.size());
            } else {
                result[0] = Acquisition.refused(members.size());
            }
            return members.isEmpty() ? null : members;
        });
        if (sweeps.due(now)) {
            keys.keySet().forEach(k -> keys.computeIfPresent(k, (key2, members) -> {
                members.prune(now);
                return members.isEmpty() ? null : members;
            }));
        }
        return result[0];
    }

    @Override
    public List<String> members(String key, Duration window, Instant now) {
        List<String> recentFirst = new ArrayList<>();
        keys.computeIfPresent(key, (k, members) -> {
            members.window = window;
            members.prune(now);
            recentFirst.addAll(members.keySet());
            return members.isEmpty() ? null : members;
        });
        Collections.reverse(recentFirst);
        return recentFirst;
    }

    @Override
    public void delete(String key) {
        keys.remove(key);
    }

    /** Keys currently held: for tests. */
    int size() {
        return keys.size();
    }

    /** One key's members, eldest first, with the window the key was last used with. */
    private static final class Members extends LinkedHashMap<String, Instant> {
        private static final long serialVersionUID = 1L;

        private Duration window;

        /** Forgets the members last seen before the window ending at {@code now}. */
        void prune(Instant now) {
            Instant oldest = now.minus(window);
            values().removeIf(seen -> seen.isBefore(oldest));
        }

        /** Forgets the eldest members beyond {@code keep}. */
        void keepAtMost(int keep) {
            while (size() > keep) {
                Map.Entry<String, Instant> eldest = entrySet().iterator().next();
                remove(eldest.getKey());
            }
        }
    }
}
