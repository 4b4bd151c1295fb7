package org.faregate.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private final Metrics metrics = new Metrics();

    @Test
    void countersGaugesAndHistogramsInPrometheusTextFormat() {
        Metrics.Counter taps = metrics.counter("t_taps_total", "Taps");
        metrics.gauge("t_size", "Size", () -> 42);
        Metrics.Histogram seconds = metrics.histogram("t_seconds", "Time", 0.001, 0.01);
        taps.add(3);
        taps.increment();
        seconds.observeNanos(500_000);
        seconds.observeNanos(5_000_000);
        seconds.observeNanos(2_000_000_000L);

        assertThat(metrics.scrape()).isEqualTo("""
                # HELP t_seconds Time
                # TYPE t_seconds histogram
                t_seconds_bucket{le="0.001"} 1
                t_seconds_bucket{le="0.01"} 2
                t_seconds_bucket{le="+Inf"} 3
                t_seconds_sum 2.0055
                t_seconds_count 3
                # HELP t_size Size
                # TYPE t_size gauge
                t_size 42
                # HELP t_taps_total Taps
                # TYPE t_taps_total counter
                t_taps_total 4
                """);
    }

    @Test
    void labelValuesAreEscapedAndSorted() {
        Metrics.LabeledGauge last = metrics.labeledGauge("t_last", "Last", "gate");
        last.set("B\"2", 7);
        last.set("A", 5);

        assertThat(metrics.scrape()).contains("t_last{gate=\"A\"} 5\nt_last{gate=\"B\\\"2\"} 7\n");
    }

    @Test
    void badNamesDuplicatesAndNegativeCountsAreRefused() {
        metrics.counter("t_total", "x");

        assertThatThrownBy(() -> metrics.counter("t_total", "x")).hasMessageContaining("twice");
        assertThatThrownBy(() -> metrics.gauge("t-size", "x", () -> 1)).hasMessageContaining("not a Prometheus");
        assertThatThrownBy(() -> metrics.counter("t2_total", "x").add(-1)).hasMessageContaining("only goes up");
        assertThatThrownBy(() -> metrics.histogram("t_h", "x", 1, 1)).hasMessageContaining("ascend");
    }
}
