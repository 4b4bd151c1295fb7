package org.faregate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.faregate.protocol.Reason;
import org.faregate.simulator.report.SimTap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small city's day, the demo's whole path: the gateway's database agrees with the simulator's record. */
class DemoTest {

    @Test
    void smallCityDayEndsWithNothingLostNothingChargedTwiceAndABalancedLedger(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo.Result result = Demo.run(new Demo.Options(4, 80, 7, dir.resolve("demo"), ZoneId.of("Asia/Shanghai"),
                TestDatabase.fresh()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.verification().problems()).isEmpty();
        assertThat(result.verification().allGood()).isTrue();
        assertThat(result.summary()).matches("taps=\\d+ accepted=\\d+ denied=\\d+ charged=\\d+\\.\\d{2}CNY lost=0"
                + " double_charged=0 ledger_balanced=true");
        assertThat(result.verification().taps()).isGreaterThan(150);
        assertThat(result.verification().chargedMinor()).isPositive().isEqualTo(result.verification().expectedMinor());
        assertThat(result.run().taps()).extracting(SimTap::reason)
                .contains(Reason.DENIED_TOKEN, Reason.BAD_SIGNATURE, Reason.REPLAYED, Reason.EXPIRED_TOKEN);
        assertThat(Files.readString(result.report())).contains("Faregate city simulation", result.summary());
        assertThat(printed.toString(StandardCharsets.UTF_8)).endsWith(result.summary() + System.lineSeparator())
                .contains("GTFS-Fares v2 feed (10 files) is fare rules version 2 (gtfs)");
    }
}
