package org.faregate.gateway.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.faregate.protocol.GateId;

/**
 * What one gateway node reports to Prometheus ({@code GET /metrics}): ingest rate and batch time, how late
 * taps arrive (the gates' lag), pricing time, the deny feed's version and size, and each gate's last batch.
 */
public final class GatewayMetrics {

    /** 1 ms to 30 s: batch acknowledgements. */
    private static final double[] BATCH_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
        5, 10, 30};
    /** 1 µs to 1 s: pricing one account's service day. */
    private static final double[] PRICING_SECONDS = {0.000001, 0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005,
        0.01, 0.05, 0.1, 1};
    /** 1 s to 3 days: from the tap at the gate to its arrival here. */
    private static final double[] DELAY_SECONDS = {1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600,
        3 * 24 * 3600};

    private final Metrics registry = new Metrics();
    private final Metrics.Counter batches = registry.counter("faregate_tap_batches_total",
            "Tap batches committed and acknowledged");
    private final Metrics.Counter batchesRefused = registry.counter("faregate_tap_batches_refused_total",
            "Tap batches refused: unsigned, unknown or revoked gate, bad signature, another gate's taps, malformed");
    private final Metrics.Counter tapsReceived = registry.counter("faregate_taps_received_total",
            "Taps received in committed batches, resends included");
    private final Metrics.Counter tapsStored = registry.counter("faregate_taps_stored_total",
            "Taps stored for the first time (resends excluded)");
    private final Metrics.Histogram batchSeconds = registry.histogram("faregate_tap_batch_seconds",
            "Time to store one batch and queue its pricing", BATCH_SECONDS);
    private final Metrics.Histogram pricingSeconds = registry.histogram("faregate_pricing_seconds",
            "Time to price one account's service day", PRICING_SECONDS);
    private final Metrics.Histogram tapDelaySeconds = registry.histogram("faregate_tap_delay_seconds",
            "From a tap at the gate to its first arrival at the gateway", DELAY_SECONDS);
    private final Metrics.LabeledGauge gateLastBatch = registry.labeledGauge(
            "faregate_gate_last_batch_timestamp_seconds", "When each gate last delivered a batch here", "gate");
    private final Metrics.Counter pricingRounds = registry.counter("faregate_pricing_rounds_total",
            "Pricing rounds committed by this node's pricer");
    private final Metrics.Counter pricedAccounts = registry.counter("faregate_priced_accounts_total",
            "Accounts priced by this node (one account may be priced in many rounds)");
    private final Metrics.Counter pricingFailures = registry.counter("faregate_pricing_failures_total",
            "Accounts whose pricing failed and was put back for a retry");
    private final Metrics.Histogram pricingRoundSeconds = registry.histogram("faregate_pricing_round_seconds",
            "Time to price one round of accounts and commit it", BATCH_SECONDS);
    private final Metrics.Histogram pricingLagSeconds = registry.histogram("faregate_pricing_lag_seconds",
            "From pricing work falling due (taps stored) to the round that took it", BATCH_SECONDS);
    private final Metrics.Counter pricingRecalled = registry.counter("faregate_pricing_memory_recalled_total",
            "Accounts priced from the taps this node remembered of them");
    private final Metrics.Counter pricingRead = registry.counter("faregate_pricing_memory_read_total",
            "Accounts priced after reading their taps (not remembered, or priced by another node since)");
    private final Metrics.Counter denyFeedServed = registry.counter("faregate_deny_feed_requests_total",
            "Deny-list feed requests answered");

    /** The deny feed's state, read when scraped. */
    public void denyList(LongSupplier feedVersion, LongSupplier entries) {
        registry.gauge("faregate_deny_feed_version", "Highest deny-list version the feed serves", feedVersion);
        registry.gauge("faregate_deny_list_entries", "Credentials with a deny-list entry (denied or lifted)", entries);
    }

    public void batchCommitted(GateId gate, int received, int stored, long nanos, Instant at) {
        batches.increment();
        tapsReceived.add(received);
        tapsStored.add(stored);
        batchSeconds.observeNanos(nanos);
        gateLastBatch.set(gate.value(), at.getEpochSecond());
    }

    public void pricingRound(int accounts, long nanos, Duration lag) {
        pricingRounds.increment();
        pricedAccounts.add(accounts);
        pricingRoundSeconds.observeNanos(nanos);
        pricingLagSeconds.observeNanos(lag.toNanos());
    }

    public void pricingMemory(int recalled, int read) {
        pricingRecalled.add(recalled);
        pricingRead.add(read);
    }

    public void pricingFailed() {
        pricingFailures.increment();
    }

    public void batchRefused() {
        batchesRefused.increment();
    }

    public void tapDelay(Duration delay) {
        tapDelaySeconds.observeNanos(Math.max(0, delay.toNanos()));
    }

    public void dayPriced(long nanos) {
        pricingSeconds.observeNanos(nanos);
    }

    public void denyFeedServed() {
        denyFeedServed.increment();
    }

    public String scrape() {
        return registry.scrape();
    }
}
