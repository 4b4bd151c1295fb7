package org.faregate.fares;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tap-in/tap-out fares by the number of zones a journey spans, {@code n = |exitZone - entryZone| + 1}.
 *
 * <ul>
 *   <li>Complete journey (an entry, then right after it an exit within {@code maxJourney},
 *       inclusive): the fare for n zones is charged on the entry; the exit is charged zero.</li>
 *   <li>Incomplete journey, charged the maximum fare from the station (the highest fare to any
 *       configured zone): an entry whose next tap is not an exit or that is the last tap; an entry
 *       whose exit is later than {@code maxJourney} (charged on the entry, the exit is zero); an exit
 *       with no entry right before it.</li>
 *   <li>A board tap pays the 1-zone fare.</li>
 * </ul>
 * A journey's rider category is that of its first tap; a category listed in {@code discountPercent}
 * gets that whole-percent discount, rounded half up to the minor unit (see {@link PercentDiscount}).
 *
 * @param currency        currency of every fare
 * @param stationZones    zone (1 or more) of each known station
 * @param faresBySpan     element {@code i} is the fare for journeys spanning {@code i + 1} zones;
 *                        not empty, not negative; spans beyond the list pay the last element
 * @param maxJourney      the longest journey that is still complete; positive
 * @param discountPercent whole-percent discount (0..100) per rider category
 */
public record ZoneFare(Currency currency, Map<String, Integer> stationZones, List<Money> faresBySpan,
                       Duration maxJourney, Map<String, Integer> discountPercent) implements FareRules {

    /** The maximum journey time used when the configuration gives none. */
    public static final Duration DEFAULT_MAX_JOURNEY = Duration.ofMinutes(180);

    public ZoneFare {
        Objects.requireNonNull(currency, "currency");
        stationZones = Map.copyOf(stationZones);
        stationZones.forEach((station, zone) -> {
            FareTap.requireNonBlank(station, "station id");
            if (zone < 1) {
                throw new IllegalArgumentException("zone of station '" + station + "' must be 1 or more, was " + zone);
            }
        });
        faresBySpan = List.copyOf(faresBySpan);
        if (faresBySpan.isEmpty()) {
            throw new IllegalArgumentException("faresBySpan must not be empty");
        }
        for (Money fare : faresBySpan) {
            if (!fare.currency().equals(currency) || fare.isNegative()) {
                throw new IllegalArgumentException("zone fare must be a non-negative " + currency + " amount: " + fare);
            }
        }
        Objects.requireNonNull(maxJourney, "maxJourney");
        if (maxJourney.isNegative() || maxJourney.isZero()) {
            throw new IllegalArgumentException("maxJourney must be positive, was " + maxJourney);
        }
        discountPercent = Map.copyOf(discountPercent);
        discountPercent.forEach((category, percent) -> {
            FareTap.requireNonBlank(category, "category");
            new PercentDiscount(percent);
        });
    }

    @Override
    public List<FareCharge> price(List<FareTap> taps) {
        List<FareTap> sorted = TapOrder.chronological(taps);
        sorted.forEach(tap -> zoneOf(tap.stationId()));
        List<FareCharge> charges = new ArrayList<>();
        for (Journey journey : new JourneyMatcher(maxJourney).match(sorted)) {
            FareTap first = journey.first();
            switch (journey.kind()) {
                case COMPLETE -> {
                    int from = zoneOf(first.stationId());
                    int to = zoneOf(journey.exit().stationId());
                    int span = Math.abs(to - from) + 1;
                    charges.add(charge(first, fareFor(span),
                            "zone fare " + from + "->" + to + " (" + span + (span == 1 ? " zone)" : " zones)")));
                    charges.add(zero(journey.exit(), "exit: journey fare charged on entry tap " + first.tapId()));
                }
                case OVERLONG -> {
                    charges.add(charge(first, maximumFareFrom(first.stationId()), "incomplete journey (exit after "
                            + maxJourney.toMinutes() + " min maximum): maximum fare from " + first.stationId()));
                    charges.add(zero(journey.exit(), "exit: journey over " + maxJourney.toMinutes()
                            + " min maximum, maximum fare charged on entry tap " + first.tapId()));
                }
                case NO_EXIT -> charges.add(charge(first, maximumFareFrom(first.stationId()),
                        "incomplete journey (no exit): maximum fare from " + first.stationId()));
                case NO_ENTRY -> charges.add(charge(first, maximumFareFrom(first.stationId()),
                        "incomplete journey (exit without entry): maximum fare from " + first.stationId()));
                case BOARD -> charges.add(charge(first, fareFor(1), "board: 1-zone fare"));
            }
        }
        return List.copyOf(charges);
    }

    @Override
    public boolean knowsStation(String stationId) {
        return stationZones.containsKey(stationId);
    }

    /** {@code maxJourney} for an entry tap (one network: every station shares it), empty for other taps. */
    @Override
    public Optional<Duration> maxJourneyTime(FareTap entry) {
        Objects.requireNonNull(entry, "entry");
        zoneOf(entry.stationId());
        return entry.event() == TapEvent.ENTRY ? Optional.of(maxJourney) : Optional.empty();
    }

    /** The highest fare from this station to any configured zone, before any category discount. */
    Money maximumFareFrom(String stationId) {
        int origin = zoneOf(stationId);
        Money highest = fareFor(1);
        for (int zone : stationZones.values()) {
            highest = highest.max(fareFor(Math.abs(zone - origin) + 1));
        }
        return highest;
    }

    Money fareFor(int span) {
        return faresBySpan.get(Math.min(span, faresBySpan.size()) - 1);
    }

    private int zoneOf(String stationId) {
        Integer zone = stationZones.get(stationId);
        if (zone == null) {
            throw new IllegalArgumentException("unknown station '" + stationId + "'");
        }
        return zone;
    }

    private FareCharge charge(FareTap tap, Money fare, String rule) {
        PercentDiscount discount = new PercentDiscount(discountPercent.getOrDefault(tap.riderCategory(), 0));
        if (discount.isNone()) {
            return new FareCharge(tap.tapId(), fare, rule + ": " + fare);
        }
        Money discounted = discount.applyTo(fare);
        return new FareCharge(tap.tapId(), discounted, rule + ", " + tap.riderCategory() + " "
                + discount.percent() + "% off " + fare + ": " + discounted);
    }

    private FareCharge zero(FareTap tap, String explanation) {
        return new FareCharge(tap.tapId(), Money.zero(currency), explanation);
    }
}
