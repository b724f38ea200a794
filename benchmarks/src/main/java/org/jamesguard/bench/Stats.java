package org.jamesguard.bench;

import java.util.Arrays;

/** Percentiles of samples (nearest rank). */
final class Stats {
    private Stats() {
    }

    static double percentile(double[] samples, double percent) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] samples) {
        return percentile(samples, 50);
    }

    static double min(double[] samples) {
        return Arrays.stream(samples).min().orElseThrow();
    }

    static double max(double[] samples) {
        return Arrays.stream(samples).max().orElseThrow();
    }

    /** Nanoseconds as milliseconds. */
    static double[] millis(long[] nanos) {
        return Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray();
    }
}
