package org.jamesguard;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.jamesguard.core.GuardMetrics;

/** {@link GuardMetrics} on James's MetricFactory: visible over JMX and on WebAdmin's {@code /metrics}. Public for the benchmarks. */
public class JamesMetrics implements GuardMetrics {
    private final MetricFactory metricFactory;
    private final GaugeRegistry gaugeRegistry;
    // Registry look-ups synchronize; decisions are on the SMTP hot path, so keep the counters.
    private final ConcurrentMap<String, Metric> counters = new ConcurrentHashMap<>();

    @Inject
    public JamesMetrics(MetricFactory metricFactory, GaugeRegistry gaugeRegistry) {
        this.metricFactory = metricFactory;
        this.gaugeRegistry = gaugeRegistry;
    }

    @Override
    public void increment(String name) {
        counters.computeIfAbsent(name, metricFactory::generate).increment();
    }

    @Override
    public <T> T time(String name, Supplier<T> work) {
        return metricFactory.decorateSupplierWithTimerMetric(name, work);
    }

    @Override
    public Runnable startTimer(String name) {
        TimeMetric timer = metricFactory.timer(name);
        return timer::stopAndPublish;
    }

    @Override
    public void gauge(String name, Supplier<? extends Number> value) {
        gaugeRegistry.register(name, value::get);
    }
}
