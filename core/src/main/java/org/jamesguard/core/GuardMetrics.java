package org.jamesguard.core;

import java.util.function.Supplier;

/**
 * The metrics James Guard publishes. Core code talks to this interface; the extension binds it to
 * James's {@code MetricFactory} so the values appear on James's JMX and Prometheus endpoints.
 */
public interface GuardMetrics {
    /** All our metric names start with this prefix. */
    String PREFIX = "jamesguard_";

    void increment(String name);

    /** Times {@code work} under the timer {@code name}. */
    <T> T time(String name, Supplier<T> work);

    /** Starts the timer {@code name} for work that ends elsewhere (a DNS lookup); running the result stops it. */
    Runnable startTimer(String name);

    /** Publishes a value read on demand (frozen accounts, screened IPs). */
    void gauge(String name, Supplier<? extends Number> value);

    GuardMetrics NOOP = new GuardMetrics() {
        @Override
        public void increment(String name) {
        }

        @Override
        public <T> T time(String name, Supplier<T> work) {
            return work.get();
        }

        @Override
        public Runnable startTimer(String name) {
            return () -> { };
        }

        @Override
        public void gauge(String name, Supplier<? extends Number> value) {
        }
    };
}
