package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.faregate.fares.FareConfig;
import org.faregate.fares.FareRules;
import org.faregate.fares.engine.FareEngineLoader;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.pricing.PeriodPricer.Priced;
import org.faregate.gateway.pricing.PeriodPricer.Repricing;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.Direction;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodPricerTest {

    private static final Instant EIGHT = Instant.parse("2026-03-02T00:00:00Z");
    /** The built-in rules wait 180 minutes for an exit; this is long after every deadline of these taps. */
    private static final Instant NEXT_DAY = EIGHT.plus(Duration.ofDays(1));

    private final FareRules zones = parse(GatewayConfig.defaultFareRules());

    private static FareRules parse(String text) {
        try {
            return FareConfig.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static StoredTap tap(Direction direction, String station, int minute, Long charged) {
        return new StoredTap(new TapId(UUID.randomUUID()), at(minute), StationId.of(station),
                direction, Optional.empty(), charged);
    }

    /** The same tap on bus route B1. */
    private static StoredTap onBus(StoredTap tap) {
        return new StoredTap(tap.tapId(), tap.at(), tap.station(), tap.direction(), Optional.of("B1"), tap.chargedMinor());
    }

    private static Instant at(int minute) {
        return EIGHT.plusSeconds(60L * minute);
    }

    /** The same tap after it was charged {@code minor}. */
    private static StoredTap charged(StoredTap tap, long minor) {
        return new StoredTap(tap.tapId(), tap.at(), tap.station(), tap.direction(), tap.routeId(), minor);
    }

    private Priced price(RiderCategory category, List<StoredTap> taps, Instant asOf) {
        return PeriodPricer.reprice(zones, category, taps, List.of(), asOf);
    }

    private List<Repricing> priceLongAfter(RiderCategory category, StoredTap... taps) {
        return price(category, List.of(taps), NEXT_DAY).repricings();
    }

    @Test
    void newTapsAreChargedInFull() {
        List<Repricing> result = priceLongAfter(RiderCategory.ADULT,
                tap(Direction.ENTRY, "S01", 0, null), tap(Direction.EXIT, "S09", 30, null));

        assertThat(result).extracting(Repricing::recorded, Repricing::deltaMinor)
                .containsExactly(tuple(false, 500L), tuple(false, 0L));
    }

    @Test
    void alreadyChargedTapsOweOnlyTheDifference() {
        List<Repricing> result = priceLongAfter(RiderCategory.ADULT,
                tap(Direction.ENTRY, "S01", 0, null), tap(Direction.EXIT, "S02", 20, 500L));

        assertThat(result.get(0).deltaMinor()).isEqualTo(300);
        assertThat(result.get(1).deltaMinor()).isEqualTo(-500);
        assertThat(result.get(1).explanation()).startsWith("re-priced from 5.00 to 0.00 CNY");
    }

    @Test
    void unchangedPeriodOwesNothing() {
        List<Repricing> result = priceLongAfter(RiderCategory.ADULT,
                tap(Direction.ENTRY, "S01", 0, 300L), tap(Direction.EXIT, "S02", 20, 0L));

        assertThat(result).allSatisfy(repricing -> assertThat(repricing.deltaMinor()).isZero());
    }

    @Test
    void riderCategoryDiscountApplies() {
        List<Repricing> result = priceLongAfter(RiderCategory.CHILD,
                tap(Direction.ENTRY, "S01", 0, null), tap(Direction.EXIT, "S02", 20, null));

        assertThat(result.get(0).newMinor()).isEqualTo(150);
    }

    @Test
    void tapAtAStationTheRulesDoNotKnowIsNotChargedAndRefundedIfItWas() {
        List<Repricing> result = priceLongAfter(RiderCategory.ADULT, tap(Direction.BOARD, "BUS-9", 0, 200L));

        assertThat(result.get(0).newMinor()).isZero();
        assertThat(result.get(0).deltaMinor()).isEqualTo(-200);
        assertThat(result.get(0).explanation()).contains("station BUS-9 is unknown to the fare rules");
    }

    @Test
    void anEntryWhoseExitMayStillComeIsChargedNothingYetAndSaysWhenItWillBe() {
        Priced priced = price(RiderCategory.ADULT, List.of(tap(Direction.ENTRY, "S01", 0, null)), at(10));

        assertThat(priced.repricings()).extracting(Repricing::recorded, Repricing::newMinor)
                .containsExactly(tuple(false, 0L));
        assertThat(priced.repricings().get(0).explanation()).isEqualTo("journey in progress: entered at S01 at "
                + "2026-03-02T00:00:00Z; the exit or the maximum fare is charged by 2026-03-02T03:00:00Z");
        assertThat(priced.finaliseAt()).contains(at(180));
    }

    @ParameterizedTest(name = "priced at minute {0}: {1} minor, finalise again at minute {2}")
    @CsvSource({"179, 0, 180", "180, 500, -1", "181, 500, -1"})
    void theSameEntryPricesToTheMaximumFareOnceItsMaximumJourneyTimeHasPassed(int asOfMinute, long charged,
                                                                              int finaliseMinute) {
        Priced priced = price(RiderCategory.ADULT, List.of(tap(Direction.ENTRY, "S01", 0, null)), at(asOfMinute));

        assertThat(priced.repricings().get(0).newMinor()).isEqualTo(charged);
        assertThat(priced.finaliseAt()).isEqualTo(finaliseMinute < 0 ? Optional.empty()
                : Optional.of(at(finaliseMinute)));
    }

    @Test
    void aFinalisedEntryExplainsItsMaximumFareAndRefundsWhatWasHeldBackNothing() {
        StoredTap entry = tap(Direction.ENTRY, "S01", 0, 0L);

        Repricing finalised = price(RiderCategory.ADULT, List.of(entry), at(180)).repricings().get(0);

        assertThat(finalised.deltaMinor()).isEqualTo(500);
        assertThat(finalised.explanation()).isEqualTo("re-priced from 0.00 to 5.00 CNY: "
                + "incomplete journey (no exit): maximum fare from S01: 5.00 CNY");
    }

    @Test
    void anExitArrivingAfterFinalisationRefundsDownToTheCompleteFare() {
        StoredTap entry = tap(Direction.ENTRY, "S01", 0, null);
        StoredTap exit = tap(Direction.EXIT, "S02", 30, null);
        long finalised = price(RiderCategory.ADULT, List.of(entry), at(200)).repricings().get(0).newMinor();

        Priced late = price(RiderCategory.ADULT, List.of(charged(entry, finalised), exit), NEXT_DAY);

        assertThat(finalised).isEqualTo(500);
        assertThat(late.repricings()).extracting(Repricing::newMinor, Repricing::deltaMinor)
                .containsExactly(tuple(300L, -200L), tuple(0L, 0L));
        assertThat(late.finaliseAt()).isEmpty();
    }

    @Test
    void anExitArrivingInTimeChargesTheCompleteFareWithoutTheMaximumFareInBetween() {
        StoredTap entry = tap(Direction.ENTRY, "S01", 0, null);
        StoredTap exit = tap(Direction.EXIT, "S09", 30, null);
        long held = price(RiderCategory.ADULT, List.of(entry), at(1)).repricings().get(0).newMinor();

        Priced completed = price(RiderCategory.ADULT, List.of(charged(entry, held), exit), at(31));

        assertThat(held).isZero();
        assertThat(completed.repricings()).extracting(Repricing::newMinor, Repricing::deltaMinor)
                .containsExactly(tuple(500L, 500L), tuple(0L, 0L));
        assertThat(completed.finaliseAt()).isEmpty();
    }

    @Test
    void anEntryFollowedByAnotherTapIsNeverInProgress() {
        Priced priced = price(RiderCategory.ADULT, List.of(tap(Direction.ENTRY, "S01", 0, null),
                tap(Direction.ENTRY, "S05", 10, null)), at(20));

        assertThat(priced.repricings()).extracting(Repricing::newMinor).containsExactly(500L, 0L);
        assertThat(priced.repricings().get(0).explanation()).contains("incomplete journey (no exit)");
        assertThat(priced.finaliseAt()).contains(at(190));
    }

    @Test
    void aBoardIsNeverInProgress() {
        Priced priced = price(RiderCategory.ADULT, List.of(tap(Direction.BOARD, "S01", 0, null)), at(1));

        assertThat(priced.repricings()).extracting(Repricing::newMinor).containsExactly(300L);
        assertThat(priced.finaliseAt()).isEmpty();
    }

    @Test
    void aFlatFareEntryIsChargedAtOnce() {
        FareRules flat = parse("currency=CNY\ntype=flat\nfare=2.00\n");

        Priced priced = PeriodPricer.reprice(flat, RiderCategory.ADULT, List.of(tap(Direction.ENTRY, "S01", 0, null)),
                List.of(), at(1));

        assertThat(priced.repricings()).extracting(Repricing::newMinor).containsExactly(200L);
        assertThat(priced.finaliseAt()).isEmpty();
    }

    @Test
    void aTapAtAStationTheRulesDoNotKnowDoesNotCloseTheEntryBeforeIt() {
        Priced priced = price(RiderCategory.ADULT, List.of(tap(Direction.ENTRY, "S01", 0, null),
                tap(Direction.BOARD, "BUS-9", 5, null)), at(10));

        assertThat(priced.repricings()).extracting(Repricing::newMinor).containsExactly(0L, 0L);
        assertThat(priced.finaliseAt()).contains(at(180));
    }

    /** The test metro's daily cap is 10.00: a 6.00 metro journey and a 2.00 bus leave 2.00 for the last entry. */
    @Test
    void anEntryInProgressLeavesTheCapsOfTheEarlierJourneysAsTheyWere() {
        FareRules metro = FareEngineLoader.load(GtfsRulesUploadTest.metro()).engine().orElseThrow();
        List<StoredTap> taps = List.of(tap(Direction.ENTRY, "S01", 0, null), tap(Direction.EXIT, "S04", 40, null),
                onBus(tap(Direction.BOARD, "S02", 60, null)), tap(Direction.ENTRY, "S01", 90, null));

        Priced inProgress = PeriodPricer.reprice(metro, RiderCategory.ADULT, taps, List.of(), at(100));
        Priced finalised = PeriodPricer.reprice(metro, RiderCategory.ADULT, taps, List.of(), at(90 + 240));

        assertThat(inProgress.repricings()).extracting(Repricing::newMinor).containsExactly(600L, 0L, 200L, 0L);
        assertThat(inProgress.finaliseAt()).contains(at(90 + 240));
        assertThat(finalised.repricings()).extracting(Repricing::newMinor).containsExactly(600L, 0L, 200L, 200L);
        assertThat(finalised.repricings().subList(0, 3)).isEqualTo(inProgress.repricings().subList(0, 3));
        assertThat(finalised.finaliseAt()).isEmpty();
    }
}
