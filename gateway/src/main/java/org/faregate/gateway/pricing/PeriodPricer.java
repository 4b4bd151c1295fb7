package org.faregate.gateway.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareRules;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;
import org.faregate.protocol.Direction;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;

/**
 * Prices all accepted taps of one account in one service day and compares each tap's new charge with
 * what it was charged before. Pure: the ledger posts the differences, so late, duplicated and
 * out-of-order taps all converge on the price of the whole period.
 */
public final class PeriodPricer {

    private PeriodPricer() {
    }

    /** An accepted tap as stored, with its current charge ({@code null}: never priced). */
    public record StoredTap(TapId tapId, Instant at, StationId station, Direction direction, Optional<String> routeId,
                            Long chargedMinor) {
        public StoredTap {
            Objects.requireNonNull(tapId, "tapId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(station, "station");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(routeId, "routeId");
        }
    }

    /** A tap's new charge next to its previous one; {@code recorded} false means it had none. */
    public record Repricing(TapId tapId, boolean recorded, long previousMinor, long newMinor, String explanation) {
        public Repricing {
            Objects.requireNonNull(tapId, "tapId");
            Objects.requireNonNull(explanation, "explanation");
        }

        /** What the rider owes on top of what was charged (negative: a refund). */
        public long deltaMinor() {
            return Math.subtractExact(newMinor, previousMinor);
        }
    }

    /** One repricing per tap, in the order given. Taps at stations the rules do not know are charged zero. */
    public static List<Repricing> reprice(FareRules rules, RiderCategory category, List<StoredTap> taps) {
        return reprice(rules, category, taps, List.of());
    }

    /**
     * As {@link #reprice(FareRules, RiderCategory, List)}, with the account's taps of the days before
     * ({@link FareRules#lookbackDays()}), which count towards multi-day caps and tiers.
     */
    public static List<Repricing> reprice(FareRules rules, RiderCategory category, List<StoredTap> taps,
                                          List<StoredTap> earlier) {
        Map<String, FareCharge> charges = new HashMap<>();
        for (FareCharge charge : rules.price(fareTaps(rules, category, taps), fareTaps(rules, category, earlier))) {
            charges.put(charge.tapId(), charge);
        }
        List<Repricing> result = new ArrayList<>(taps.size());
        for (StoredTap tap : taps) {
            FareCharge charge = charges.get(tap.tapId().toString());
            long newMinor = charge == null ? 0 : charge.amount().minor();
            String why = charge == null
                    ? "station " + tap.station() + " is unknown to the fare rules: not charged"
                    : charge.explanation();
            long previous = tap.chargedMinor() == null ? 0 : tap.chargedMinor();
            if (tap.chargedMinor() != null && previous != newMinor) {
                why = "re-priced from " + Money.of(previous, rules.currency()).toDecimalString() + " to "
                        + Money.of(newMinor, rules.currency()) + ": " + why;
            }
            result.add(new Repricing(tap.tapId(), tap.chargedMinor() != null, previous, newMinor, why));
        }
        return result;
    }

    private static List<FareTap> fareTaps(FareRules rules, RiderCategory category, List<StoredTap> taps) {
        List<FareTap> priceable = new ArrayList<>();
        for (StoredTap tap : taps) {
            if (rules.knowsStation(tap.station().value())) {
                priceable.add(new FareTap(tap.tapId().toString(), tap.at(), tap.station().value(),
                        event(tap.direction()), category.id(), tap.routeId(), Optional.empty()));
            }
        }
        return priceable;
    }

    static TapEvent event(Direction direction) {
        return switch (direction) {
            case ENTRY -> TapEvent.ENTRY;
            case EXIT -> TapEvent.EXIT;
            case BOARD -> TapEvent.BOARD;
        };
    }
}
