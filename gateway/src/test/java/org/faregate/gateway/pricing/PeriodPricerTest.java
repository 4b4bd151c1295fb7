package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.faregate.fares.FareConfig;
import org.faregate.fares.FareRules;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.pricing.PeriodPricer.Repricing;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.Direction;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.api.Test;

class PeriodPricerTest {

    private static final Instant EIGHT = Instant.parse("2026-03-02T00:00:00Z");

    private final FareRules zones = parse(GatewayConfig.defaultFareRules());

    private static FareRules parse(String text) {
        try {
            return FareConfig.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static StoredTap tap(Direction direction, String station, int minute, Long charged) {
        return new StoredTap(new TapId(UUID.randomUUID()), EIGHT.plusSeconds(60L * minute), StationId.of(station),
                direction, java.util.Optional.empty(), charged);
    }

    @Test
    void newTapsAreChargedInFull() {
        List<Repricing> result = PeriodPricer.reprice(zones, RiderCategory.ADULT,
                List.of(tap(Direction.ENTRY, "S01", 0, null), tap(Direction.EXIT, "S09", 30, null)));

        assertThat(result).extracting(Repricing::recorded, Repricing::deltaMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, 500L),
                        org.assertj.core.groups.Tuple.tuple(false, 0L));
    }

    @Test
    void alreadyChargedTapsOweOnlyTheDifference() {
        List<Repricing> result = PeriodPricer.reprice(zones, RiderCategory.ADULT,
                List.of(tap(Direction.ENTRY, "S01", 0, null), tap(Direction.EXIT, "S02", 20, 500L)));

        assertThat(result.get(0).deltaMinor()).isEqualTo(300);
        assertThat(result.get(1).deltaMinor()).isEqualTo(-500);
        assertThat(result.get(1).explanation()).startsWith("re-priced from 5.00 to 0.00 CNY");
    }

    @Test
    void unchangedPeriodOwesNothing() {
        List<Repricing> result = PeriodPricer.reprice(zones, RiderCategory.ADULT,
                List.of(tap(Direction.ENTRY, "S01", 0, 300L), tap(Direction.EXIT, "S02", 20, 0L)));

        assertThat(result).allSatisfy(repricing -> assertThat(repricing.deltaMinor()).isZero());
    }

    @Test
    void riderCategoryDiscountApplies() {
        List<Repricing> result = PeriodPricer.reprice(zones, RiderCategory.CHILD,
                List.of(tap(Direction.ENTRY, "S01", 0, null), tap(Direction.EXIT, "S02", 20, null)));

        assertThat(result.get(0).newMinor()).isEqualTo(150);
    }

    @Test
    void tapAtAStationTheRulesDoNotKnowIsNotChargedAndRefundedIfItWas() {
        List<Repricing> result = PeriodPricer.reprice(zones, RiderCategory.ADULT,
                List.of(tap(Direction.BOARD, "BUS-9", 0, 200L)));

        assertThat(result.get(0).newMinor()).isZero();
        assertThat(result.get(0).deltaMinor()).isEqualTo(-200);
        assertThat(result.get(0).explanation()).contains("station BUS-9 is unknown to the fare rules");
    }
}
