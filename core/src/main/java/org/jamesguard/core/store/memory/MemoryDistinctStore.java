package org.jamesguard.core.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.StoreConfig;

/**
 * Distinct members in memory, per key in last-seen order. A key keeps every member its limit can need;
 * without a limit ({@code max} of {@link Integer#MAX_VALUE}, as for the IPs a freeze notice lists) only the
 * {@value #MAX_MEMBERS} most recent: more would only cost memory. Each key remembers the window it was
 * last used with, and expires a window after its newest member; at most {@code maxKeys} keys are held, the one
 * that expires soonest evicted first ({@link ExpiryIndex}).
 */
public final class MemoryDistinctStore implements DistinctStore {
    static final int MAX_MEMBERS = 100;

    private final ConcurrentHashMap<String, Members> keys = new ConcurrentHashMap<>();
    private final ExpiryIndex expiries;
    private final Runnable evicted;

    public MemoryDistinctStore() {
        this(StoreConfig.DEFAULT_MAX_ENTRIES, () -> { });
    }

    /** @param evicted called once per key evicted to stay within {@code maxKeys} */
    public MemoryDistinctStore(int maxKeys, Runnable evicted) {
        this.expiries = new ExpiryIndex(maxKeys);
        this.evicted = evicted;
    }

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
            return indexed(k, members);
        });
        for (Optional<ExpiryIndex.Due> due = expiries.pollDue(now); due.isPresent(); due = expiries.pollDue(now)) {
            boolean evict = due.get().evicted;
            keys.computeIfPresent(due.get().key, (k, members) -> {
                if (evict) {
                    return null;
                }
                members.prune(now);
                return indexed(k, members);
            });
            if (evict) {
                evicted.run();
            }
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
            return indexed(k, members);
        });
        Collections.reverse(recentFirst);
        return recentFirst;
    }

    @Override
    public void delete(String key) {
        keys.computeIfPresent(key, (k, members) -> {
            expiries.remove(k);
            return null;
        });
    }

    /** Under the key's lock: the index follows the members, and a key without members is forgotten. */
    private Members indexed(String key, Members members) {
        if (members.isEmpty()) {
            expiries.remove(key);
            return null;
        }
        // a member seen at t is within the window up to and including t + window
        expiries.put(key, members.newestSeen().plus(members.window).plusMillis(1));
        return members;
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

        /** When the most recent member was seen: the last in last-seen order. */
        Instant newestSeen() {
            Instant newest = Instant.MIN;
            for (Instant seen : values()) {
                newest = seen;
            }
            return newest;
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
