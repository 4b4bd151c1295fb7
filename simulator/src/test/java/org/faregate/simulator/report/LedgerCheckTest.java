package org.faregate.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.faregate.fares.FareConfig;
import org.faregate.fares.FareConfigException;
import org.faregate.fares.FareRules;
import org.faregate.fares.FareTap;
import org.faregate.fares.TapEvent;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.simulator.city.CityPlan;
import org.junit.jupiter.api.Test;

/** The simulator's independent pricing of its own record, as of a time like the gateway's. */
class LedgerCheckTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final Instant ENTERED = DAY.atTime(8, 0).atZone(ZONE).toInstant();
    private static final AccountId RIDER = AccountId.of(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CityPlan city = CityPlan.generate(3, 4, 1, DAY, ZONE);
    private final FareRules rules = rules(city);
    private final LedgerCheck check = new LedgerCheck(rules, ZONE, LocalTime.of(4, 0));

    @Test
    void aLastEntryWhoseExitMayStillComeIsChargedNothingYetAndItsMaximumFareOnceTheTimeHasPassed() {
        KnownTap entry = tap(Direction.ENTRY, ENTERED);
        Duration maximum = rules.maxJourneyTime(fareTap(entry)).orElseThrow();

        Map<UUID, Long> whileRiding = check.expectedCharges(List.of(entry), ENTERED.plus(maximum).minusSeconds(1));
        Map<UUID, Long> afterwards = check.expectedCharges(List.of(entry), ENTERED.plus(maximum).plusSeconds(1));

        assertThat(whileRiding).containsEntry(entry.tapId().value(), 0L);
        assertThat(afterwards.get(entry.tapId().value())).isPositive();
    }

    @Test
    void aCompletedJourneyIsPricedTheSameWhateverTheTime() {
        KnownTap entry = tap(Direction.ENTRY, ENTERED);
        KnownTap exit = new KnownTap(TapId.timeOrdered(Instant.now(), RANDOM), RIDER, "adult",
                city.stations().get(2).id(), Direction.EXIT, ENTERED.plus(Duration.ofMinutes(20)), Reason.ACCEPTED);

        Map<UUID, Long> rightAway = check.expectedCharges(List.of(entry, exit), exit.at());
        Map<UUID, Long> nextWeek = check.expectedCharges(List.of(entry, exit), exit.at().plus(Duration.ofDays(7)));

        assertThat(rightAway).isEqualTo(nextWeek);
        assertThat(rightAway.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    private KnownTap tap(Direction direction, Instant at) {
        return new KnownTap(TapId.timeOrdered(Instant.now(), RANDOM), RIDER, "adult", city.stations().get(0).id(),
                direction, at, Reason.ACCEPTED);
    }

    private static FareTap fareTap(KnownTap tap) {
        return new FareTap(tap.tapId().toString(), tap.at(), tap.stationId(),
                TapEvent.ENTRY, tap.riderCategory());
    }

    private static FareRules rules(CityPlan city) {
        try {
            return FareConfig.parse(city.fareConfig());
        } catch (FareConfigException e) {
            throw new IllegalStateException("the generated city's fare rules do not parse", e);
        }
    }
}
