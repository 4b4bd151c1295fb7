package org.faregate.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.faregate.gateway.GatewayConfig;
import org.faregate.simulator.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The load generator in miniature: the same command that produced docs/performance.md's figures still
 * warms up, offers its rate, waits for pricing and finds every tap charged once.
 */
class IngestLoadTest {

    @Test
    void aSmallOpenLoopRunAfterAWarmUpChargesEveryTapOnceAndReportsWhereTheCpuWent() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        IngestLoad.Options options = new IngestLoad.Options(2_000, 50, 2, 100, 7, 1_000, 1, 2_000,
                GatewayConfig.Pricing.defaults(), TestDatabase.fresh());

        IngestLoad.Result result = IngestLoad.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.verification().problems()).isEmpty();
        assertThat(result.verification().allGood()).isTrue();
        assertThat(result.verification().taps()).isEqualTo(3_000);
        assertThat(result.ackLatency().count()).as("one latency per batch").isGreaterThanOrEqualTo(2_000 / 100);
        assertThat(result.pricedNanos()).isGreaterThanOrEqualTo(result.nanos());
        assertThat(result.windows()).as("a one-second run falls in the first window").hasSize(1);
        assertThat(result.windows().get(0).taps()).isEqualTo(2_000);
        assertThat(report).contains("taps of the next day sent and priced")
                .contains("offered at 2000 taps/s").contains("cpu      JVM (gateway and load generator)");
    }

    @Test
    void withoutThePricersMemoryAndWithOnePricingThreadEveryTapIsStillChargedOnce() throws IOException {
        IngestLoad.Options options = new IngestLoad.Options(2_000, 50, 2, 100, 7, 0, 1, 2_000,
                new GatewayConfig.Pricing(1, 0), TestDatabase.fresh());

        IngestLoad.Result result = IngestLoad.run(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(result.verification().problems()).isEmpty();
        assertThat(result.verification().allGood()).isTrue();
        assertThat(result.verification().taps()).isEqualTo(2_000);
    }
}
