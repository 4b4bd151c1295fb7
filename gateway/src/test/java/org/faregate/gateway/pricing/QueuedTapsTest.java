package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.Direction;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.api.Test;

class QueuedTapsTest {

    @Test
    void tapsComeBackAsTheyWentInWithoutACharge() {
        List<StoredTap> taps = List.of(
                new StoredTap(new TapId(UUID.randomUUID()), Instant.parse("2026-11-25T08:00:00.123456Z"),
                        StationId.of("S01 \"north\", [hall]|1"), Direction.ENTRY, Optional.empty(), null),
                new StoredTap(new TapId(UUID.randomUUID()), Instant.parse("2026-11-25T08:10:00Z"),
                        StationId.of("stop-9"), Direction.BOARD, Optional.of("bus 7\n"), null));

        assertThat(QueuedTaps.decode(QueuedTaps.encode(taps))).isEqualTo(taps);
    }

    @Test
    void aRowThatDoesNotDecodeSaysSo() {
        assertThatThrownBy(() -> QueuedTaps.decode("[[\"not-a-uuid\"]]"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pricing_work");
    }
}
