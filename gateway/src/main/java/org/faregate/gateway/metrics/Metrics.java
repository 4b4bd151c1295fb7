package org.faregate.gateway.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The node's metrics in the Prometheus text exposition format (version 0.0.4): counters, gauges read when
 * scraped, histograms with fixed buckets, and gauges with one label. Small on purpose: updates are a
 * {@link LongAdder} increment, so instrumenting the ingest path costs nanoseconds. Names follow Prometheus
 * conventions ({@code _total} for counters, base units: seconds).
 */
public final class Metrics {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    private interface Family {
        void writeTo(StringBuilder out);
    }

    public Counter counter(String name, String help) {
        return register(name, new Counter(name, help));
    }

    public void gauge(String name, String help, LongSupplier value) {
        register(name, (Family) out -> {
            header(out, name, help, "gauge");
            out.append(name).append(' ').append(value.getAsLong()).append('\n');
        });
    }

    /** A histogram of seconds with these upper bounds (ascending; +Inf is added). */
    public Histogram histogram(String name, String help, double... bounds) {
        return register(name, new Histogram(name, help, bounds));
    }

    public LabeledGauge labeledGauge(String name, String help, String label) {
        return register(name, new LabeledGauge(name, help, label));
    }

    /** Every family, sorted by name. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        new TreeMap<>(families).values().forEach(family -> family.writeTo(out));
        return out.toString();
    }

    private <T extends Family> T register(String name, T family) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        if (families.putIfAbsent(name, family) != null) {
            throw new IllegalArgumentException("metric registered twice: " + name);
        }
        return family;
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String number(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    /** A count that only goes up. */
    public static final class Counter implements Family {
        private final String name;
        private final String help;
        private final LongAdder count = new LongAdder();

        private Counter(String name, String help) {
            this.name = name;
            this.help = help;
        }

        public void add(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("a counter only goes up: " + n);
            }
            count.add(n);
        }

        public void increment() {
            count.increment();
        }

        public long value() {
            return count.sum();
        }

        @Override
        public void writeTo(StringBuilder out) {
            header(out, name, help, "counter");
            out.append(name).append(' ').append(count.sum()).append('\n');
        }
    }

    /** Observations of a duration (or any non-negative quantity in base units) in cumulative buckets. */
    public static final class Histogram implements Family {
        private final String name;
        private final String help;
        private final double[] bounds;
        private final long[] boundNanos;
        private final LongAdder[] buckets;
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        private Histogram(String name, String help, double[] bounds) {
            for (int i = 1; i < bounds.length; i++) {
                if (bounds[i] <= bounds[i - 1]) {
                    throw new IllegalArgumentException("histogram bounds must ascend: " + name);
                }
            }
            this.name = name;
            this.help = help;
            this.bounds = bounds.clone();
            this.boundNanos = new long[bounds.length];
            this.buckets = new LongAdder[bounds.length];
            for (int i = 0; i < bounds.length; i++) {
                boundNanos[i] = Math.round(bounds[i] * 1e9);
                buckets[i] = new LongAdder();
            }
        }

        /** One observation, in nanoseconds (stored exactly; exposed in seconds). */
        public void observeNanos(long nanos) {
            for (int i = 0; i < boundNanos.length; i++) {
                if (nanos <= boundNanos[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        public long count() {
            return count.sum();
        }

        @Override
        public void writeTo(StringBuilder out) {
            header(out, name, help, "histogram");
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += buckets[i].sum();
                out.append(name).append("_bucket{le=\"").append(number(bounds[i])).append("\"} ").append(cumulative)
                        .append('\n');
            }
            long total = count.sum();
            out.append(name).append("_bucket{le=\"+Inf\"} ").append(Math.max(total, cumulative)).append('\n');
            out.append(name).append("_sum ").append(number(sumNanos.sum() / 1e9)).append('\n');
            out.append(name).append("_count ").append(total).append('\n');
        }
    }

    /** A gauge per label value, e.g. each gate's last contact. */
    public static final class LabeledGauge implements Family {
        private final String name;
        private final String help;
        private final String label;
        private final Map<String, Long> values = new ConcurrentHashMap<>();

        private LabeledGauge(String name, String help, String label) {
            this.name = name;
            this.help = help;
            this.label = label;
        }

        public void set(String labelValue, long value) {
            values.put(labelValue, value);
        }

        public Map<String, Long> values() {
            return Map.copyOf(values);
        }

        @Override
        public void writeTo(StringBuilder out) {
            header(out, name, help, "gauge");
            List<String> keys = new ArrayList<>(values.keySet());
            keys.sort(null);
            for (String key : keys) {
                out.append(name).append('{').append(label).append("=\"").append(escape(key)).append("\"} ")
                        .append(values.get(key)).append('\n');
            }
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }
    }
}
