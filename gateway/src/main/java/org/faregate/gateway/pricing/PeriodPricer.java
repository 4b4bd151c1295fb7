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
 * Prices all accepted taps of one account in one service day as of a given time and compares each tap's
 * new charge with what it was charged before. Pure (the time is an argument): the ledger posts the
 * differences, so late, duplicated and out-of-order taps all converge on the price of the whole period. An
 * entry still waiting for its exit is charged nothing until its maximum journey time has passed, and the
 * result says when that is so that the caller prices the day again then.
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

        /** The tap with a new current charge. */
        public StoredTap charged(long minor) {
            return new StoredTap(tapId, at, station, direction, routeId, minor);
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

    /**
     * A period's repricings and when to price it again.
     *
     * @param repricings one per tap, in the order given
     * @param finaliseAt when the period's {@linkplain JourneyInProgress journey in progress} is decided (its
     *                   entry time plus the maximum journey time): priced again then, the entry gets the maximum
     *                   fare unless its exit has come; empty when no journey is in progress
     */
    public record Priced(List<Repricing> repricings, Optional<Instant> finaliseAt) {
        public Priced {
            repricings = List.copyOf(repricings);
            Objects.requireNonNull(finaliseAt, "finaliseAt");
        }
    }

    /**
     * Prices one account's service day as of {@code asOf}: one repricing per tap of {@code taps}, in the order
     * given. {@code earlier} holds the account's taps of the days before ({@link FareRules#lookbackDays()}),
     * which count towards multi-day caps and tiers. Taps at stations the rules do not know are charged zero.
     * The day's last entry, while its exit may still come at {@code asOf}, is a journey in progress and
     * charged zero for now rather than the maximum fare (see {@link JourneyInProgress}); every tap keeps the
     * charge the rules give it with all the taps, only that entry's is replaced. The result depends only on the taps and on {@code asOf}
     * relative to that entry's deadline, never on the order or time the taps arrived.
     */
    public static Priced reprice(FareRules rules, RiderCategory category, List<StoredTap> taps,
                                 List<StoredTap> earlier, Instant asOf) {
        List<FareTap> dayTaps = fareTaps(rules, category, taps);
        Map<String, FareCharge> charges = new HashMap<>();
        for (FareCharge charge : rules.price(dayTaps, fareTaps(rules, category, earlier))) {
            charges.put(charge.tapId(), charge);
        }
        Optional<JourneyInProgress> inProgress = JourneyInProgress.find(rules, dayTaps, asOf);
        inProgress.ifPresent(journey -> charges.put(journey.entry().tapId(), journey.charge(rules)));
        List<Repricing> result = new ArrayList<>(taps.size());
        for (StoredTap tap : taps) {
            result.add(repricing(rules, tap, charges.get(tap.tapId().toString())));
        }
        return new Priced(result, inProgress.map(JourneyInProgress::finaliseAt));
    }

    private static Repricing repricing(FareRules rules, StoredTap tap, FareCharge charge) {
        long newMinor = charge == null ? 0 : charge.amount().minor();
        String why = charge == null
                ? "station " + tap.station() + " is unknown to the fare rules: not charged"
                : charge.explanation();
        long previous = tap.chargedMinor() == null ? 0 : tap.chargedMinor();
        if (tap.chargedMinor() != null && previous != newMinor) {
            why = "re-priced from " + Money.of(previous, rules.currency()).toDecimalString() + " to "
                    + Money.of(newMinor, rules.currency()) + ": " + why;
        }
        return new Repricing(tap.tapId(), tap.chargedMinor() != null, previous, newMinor, why);
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
