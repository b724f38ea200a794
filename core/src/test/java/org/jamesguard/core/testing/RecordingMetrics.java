package org.jamesguard.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.jamesguard.core.GuardMetrics;

/**
 * A {@link GuardMetrics} that remembers what it was told, for assertions such as
 * {@code assertThat(metrics.counts()).containsExactly(entry("jamesguard_screened_ip_reject", 1L))}.
 * Thread-safe.
 */
public final class RecordingMetrics implements GuardMetrics {
    private final List<String> increments = new ArrayList<>();
    private final List<String> timers = new ArrayList<>();
    private final Map<String, Supplier<? extends Number>> gauges = new TreeMap<>();

    @Override
    public synchronized void increment(String name) {
        increments.add(name);
    }

    /** Records the timer name, then runs {@code work} (outside the lock). */
    @Override
    public <T> T time(String name, Supplier<T> work) {
        synchronized (this) {
            timers.add(name);
        }
        return work.get();
    }

    /** Records the timer name when it starts, like {@link #time}. */
    @Override
    public synchronized Runnable startTimer(String name) {
        timers.add(name);
        return () -> { };
    }

    @Override
    public synchronized void gauge(String name, Supplier<? extends Number> value) {
        gauges.put(name, value);
    }

    /** How many times {@code name} was incremented (0 if never). */
    public synchronized long count(String name) {
        return increments.stream().filter(name::equals).count();
    }

    /** Every incremented counter with its count, sorted by name. */
    public synchronized Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        increments.forEach(name -> counts.merge(name, 1L, Long::sum));
        return counts;
    }

    /** Counter names in the order they were incremented, repeats included. */
    public synchronized List<String> increments() {
        return List.copyOf(increments);
    }

    /** Timer names in the order they were used, repeats included. */
    public synchronized List<String> timers() {
        return List.copyOf(timers);
    }

    /** Names of the registered gauges, sorted. */
    public synchronized Set<String> gauges() {
        return Set.copyOf(gauges.keySet());
    }

    /** Reads the gauge {@code name} now. */
    public Number gaugeValue(String name) {
        Supplier<? extends Number> gauge;
        synchronized (this) {
            gauge = gauges.get(name);
        }
        if (gauge == null) {
            throw new NoSuchElementException("no gauge named '" + name + "', registered: " + gauges());
        }
        return gauge.get();
    }

    /** Forgets counters and timers; gauges stay registered. */
    public synchronized void reset() {
        increments.clear();
        timers.clear();
    }
}
