package io.polyshop.devstack.bench;

import java.util.Arrays;
import java.util.Locale;

/** Measured durations, sorted, with percentiles in milliseconds. */
record Latencies(long[] nanos) {

    static Latencies of(long[] unsorted) {
        long[] sorted = unsorted.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return nanos.length;
    }

    double percentile(double p) {
        if (nanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentile(50),
                percentile(95),
                percentile(99),
                percentile(100));
    }
}
