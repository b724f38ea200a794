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
 * Distinct members in memory, per key in last-seen order. A key keeps at most {@value #MAX_MEMBERS}
 * members whatever the limit asked: more would only cost memory.
 */
public final class MemoryDistinctStore implements DistinctStore {
    static final int MAX_MEMBERS = 100;

    private final ConcurrentHashMap<String, LinkedHashMap<String, Instant>> keys = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule();

    @Override
    public Acquisition admit(String key, String member, int max, Duration window, Instant now) {
        Acquisition[] result = new Acquisition[1];
        keys.compute(key, (k, existing) -> {
            LinkedHashMap<String, Instant> members = existing != null ? existing : new LinkedHashMap<>();
            prune(members, window, now);
            if (members.containsKey(member) || members.size() < max) {
                members.remove(member);
                members.put(member, now);
                prune(members, window, now);
                result[0] = Acquisition.acquired(members.size());
            } else {
                result[0] = Acquisition.refused(members.size());
            }
            return members.isEmpty() ? null : members;
        });
        if (sweeps.due(now)) {
            keys.keySet().forEach(k -> keys.computeIfPresent(k, (key2, members) -> {
                prune(members, window, now);
                return members.isEmpty() ? null : members;
            }));
        }
        return result[0];
    }

    @Override
    public List<String> members(String key, Duration window, Instant now) {
        List<String> recentFirst = new ArrayList<>();
        keys.computeIfPresent(key, (k, members) -> {
            prune(members, window, now);
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

    private static void prune(LinkedHashMap<String, Instant> members, Duration window, Instant now) {
        Instant oldest = now.minus(window);
        members.values().removeIf(seen -> seen.isBefore(oldest));
        while (members.size() > MAX_MEMBERS) {
            Map.Entry<String, Instant> eldest = members.entrySet().iterator().next();
            members.remove(eldest.getKey());
        }
    }
}
