package org.jamesguard.core;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Stable name of one check. The same name is used in configuration, the audit log and metric names,
 * so it is restricted to lower-case words joined by dashes.
 */
public final class CheckId {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String name;
    private final ConcurrentHashMap<String, String> metrics = new ConcurrentHashMap<>();

    private CheckId(String name) {
        this.name = name;
    }

    public static CheckId of(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("check name must be lower-case words joined by '-', got '" + name + "'");
        }
        return new CheckId(name);
    }

    public String name() {
        return name;
    }

    /** The name as it appears in metric names: {@code jamesguard_<metricName>_<outcome>}. */
    public String metricName() {
        return name.replace('-', '_');
    }

    /** {@code jamesguard_<metricName>_<outcome>}, made once: every decision counts one. */
    public String metric(String outcome) {
        return metrics.computeIfAbsent(outcome, key -> GuardMetrics.PREFIX + metricName() + "_" + key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckId && ((CheckId) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
