package org.jamesguard.testing.dns;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * How a {@link TestDnsServer} treats each query: answer (perhaps late, or when the test releases it), drop, SERVFAIL
 * or truncate.
 * The most specific rule wins: name and type, then name (any type), then the rule for every query.
 */
final class Behaviours {
    enum Action { ANSWER, HOLD, DROP, SERVFAIL, TRUNCATE }

    static final class Behaviour {
        final Action action;
        final Duration delay;

        Behaviour(Action action, Duration delay) {
            this.action = action;
            this.delay = Objects.requireNonNull(delay, "delay");
        }
    }

    private static final int ANY_TYPE = Type.ANY;

    private final Map<Name, Map<Integer, Behaviour>> byName = new HashMap<>();
    private final Behaviour initial;
    private Behaviour everyQuery;

    Behaviours(Duration initialDelay) {
        this.initial = new Behaviour(Action.ANSWER, initialDelay);
        this.everyQuery = initial;
    }

    synchronized void set(Name name, Integer type, Behaviour behaviour) {
        byName.computeIfAbsent(name, n -> new HashMap<>()).put(type == null ? ANY_TYPE : type, behaviour);
    }

    synchronized void setForEveryQuery(Behaviour behaviour) {
        everyQuery = behaviour;
    }

    synchronized Behaviour forQuery(Name name, int type) {
        Map<Integer, Behaviour> rules = byName.getOrDefault(name, Map.of());
        return rules.getOrDefault(type, rules.getOrDefault(ANY_TYPE, everyQuery));
    }

    synchronized void clear() {
        byName.clear();
        everyQuery = initial;
    }
}
