package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.AccountId;
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
    void aTapsTimeIsCarriedInMicrosecondsAndARowOfTheEarlierTextFormDecodesToo() {
        String id = "01a211b7-fc7b-7000-8000-000000000001";
        Instant at = Instant.parse("2026-11-25T08:00:00.123456Z");
        StoredTap tap = new StoredTap(TapId.parse(id), at, StationId.of("S01"), Direction.EXIT, Optional.empty(), null);

        assertThat(QueuedTaps.encode(List.of(tap))).isEqualTo("[[\"" + id + "\",1795593600123456,\"S01\",\"exit\",null]]");
        assertThat(QueuedTaps.decode("[[\"" + id + "\",\"2026-11-25T08:00:00.123456Z\",\"S01\",\"exit\",null]]"))
                .containsExactly(tap);
        assertThat(QueuedTaps.decode("[]")).isEmpty();
    }

    @Test
    void aBatchRowsAccountDaysComeBackAsTheyWentIn() {
        StoredTap tap = new StoredTap(new TapId(UUID.randomUUID()), Instant.parse("2026-11-25T08:00:00.5Z"),
                StationId.of("S01"), Direction.ENTRY, Optional.empty(), null);
        List<QueuedTaps.AccountDayTaps> parts = List.of(
                new QueuedTaps.AccountDayTaps(AccountId.of(5), LocalDate.parse("2026-11-25"), List.of(tap)),
                new QueuedTaps.AccountDayTaps(AccountId.of(276), LocalDate.parse("1969-12-31"), List.of()));

        assertThat(QueuedTaps.decodeBatch(QueuedTaps.encodeBatch(parts))).isEqualTo(parts);
        assertThat(QueuedTaps.encodeBatch(parts.subList(1, 2))).isEqualTo("[[276,-1,[]]]");
    }

    @Test
    void aRowThatDoesNotDecodeSaysSo() {
        for (String broken : List.of("[[\"not-a-uuid\"]]", "[[\"01a211b7-fc7b-7000-8000-000000000001\",1.5]]", "{}",
                "[[\"01a211b7-fc7b-7000-8000-000000000001\",1,\"S01\",\"sideways\",null]]")) {
            assertThatThrownBy(() -> QueuedTaps.decode(broken)).as(broken)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pricing_work");
        }
        for (String broken : List.of("[[5]]", "[[5,\"2026-11-25\",[]]]", "[[5,1,{}]]", "[[5,1,[]", "[5]")) {
            assertThatThrownBy(() -> QueuedTaps.decodeBatch(broken)).as(broken)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pricing_work");
        }
    }
}
