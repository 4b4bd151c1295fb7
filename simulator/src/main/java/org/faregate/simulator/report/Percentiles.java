package org.faregate.simulator.report;

import java.util.Arrays;

/** Nearest-rank percentiles of durations in nanoseconds, printed in milliseconds. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The value at or below which {@code percent} of the samples fall (nearest rank). */
    public long nanosAt(int percent) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
        }
        int rank = (int) ((Math.multiplyExact((long) percent, sorted.length) + 99) / 100);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** "median 1.23 ms, p99 4.56 ms (N samples)". */
    public String medianAndP99() {
        if (sorted.length == 0) {
            return "n/a";
        }
        return String.format("median %.2f ms, p99 %.2f ms (%d samples)", nanosAt(50) / 1e6, nanosAt(99) / 1e6,
                sorted.length);
    }
}
