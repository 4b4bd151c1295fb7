package org.faregate.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.simulator.city.Media;
import org.faregate.simulator.city.Rider;
import org.faregate.validator.Validator;
import org.faregate.validator.link.HttpGatewayLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator's batches posted again an hour later, after the rider travelled on and topped up: the
 * gateway, on the same simulated clock as the gates, acknowledges them as the first time and changes nothing.
 */
class ReplayedBatchTest {

    @Test
    void batchReplayedAnHourLaterChargesNothingAndIsAcknowledgedAsBefore(@TempDir Path dir) throws Exception {
        try (TestCity city = TestCity.onCityClock()) {
            Rider rider = city.rider(Media.PHONE_QR, 2_000);
            Map<GateId, HttpGatewayLink> links = new HashMap<>();
            for (String gate : List.of("S01-IN-1", "S03-OUT-1")) {
                // The gateway runs on the city's clock here, so the gates date their batch signatures by it too.
                links.put(GateId.of(gate), new HttpGatewayLink(city.base(), TestCity.registerGate(city.operator,
                        GateId.of(gate), dir.resolve(gate), city.random), city.clock,
                        HttpGatewayLink.DEFAULT_CONNECT_TIMEOUT, HttpGatewayLink.DEFAULT_REQUEST_TIMEOUT));
            }
            RecordingLink entryLink = new RecordingLink(links.get(GateId.of("S01-IN-1")));
            RecordingLink exitLink = new RecordingLink(links.get(GateId.of("S03-OUT-1")));
            try (Validator entry = TestCity.installGate(entryLink, dir, city.clock, city.random, "S01", Direction.ENTRY);
                 Validator exit = TestCity.installGate(exitLink, dir, city.clock, city.random, "S03", Direction.EXIT)) {
                ride(city, rider, entry, exit, Duration.ofMinutes(14));
                List<RecordingLink.Exchange> first = new ArrayList<>(entryLink.exchanges());
                first.addAll(exitLink.exchanges());
                assertThat(first).hasSize(2);
                assertThat(city.balance(rider.account())).isEqualTo(2_000 - 400);

                // The rider goes on: a second journey the same day and a top-up, so the account has moved on.
                city.clock.advanceTo(city.now().plus(Duration.ofMinutes(40)));
                ride(city, rider, entry, exit, Duration.ofMinutes(11));
                city.app.topUp(rider.account(), 1_000, "CNY", "after-first-rides-" + rider.account());
                long balance = city.balance(rider.account());
                assertThat(balance).isEqualTo(2_000 - 400 - 400 + 1_000);
                Accounts.History history = city.history(rider.account());
                ReconciliationReport before = MoneyCheck.reconciliation(city.base(), city.adminToken);

                city.clock.advanceTo(city.now().plus(Duration.ofHours(1)));
                for (RecordingLink.Exchange exchange : first) {
                    // The gate resends its batch (signing it afresh: a recorded request is stale after 10 minutes).
                    TapBatchAck again = links.get(exchange.batch().gateId()).sendTaps(exchange.batch());
                    assertThat(again).isEqualTo(exchange.ack());
                }

                assertThat(city.balance(rider.account())).isEqualTo(balance);
                assertThat(city.history(rider.account())).isEqualTo(history);
                ReconciliationReport after = MoneyCheck.reconciliation(city.base(), city.adminToken);
                assertThat(after).isEqualTo(before);
                assertThat(after.balanced()).isTrue();
            }
        }
    }

    /** One journey: a fresh code at the entry, {@code duration} later one at the exit, both gates synced. */
    private static void ride(TestCity city, Rider rider, Validator entry, Validator exit, Duration duration) {
        assertThat(entry.presentQr(rider.qrCode(city.now()).toArray()).accepted()).isTrue();
        city.clock.advanceTo(city.now().plus(duration));
        assertThat(exit.presentQr(rider.qrCode(city.now()).toArray()).accepted()).isTrue();
        assertThat(entry.sync().delivered()).isEqualTo(1);
        assertThat(exit.sync().delivered()).isEqualTo(1);
    }
}
