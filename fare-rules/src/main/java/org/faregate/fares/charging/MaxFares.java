package org.faregate.fares.charging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.faregate.fares.Money;

/**
 * Prices incomplete journeys by their network's {@link MaxFareRule}. Pure: when the missing exit
 * turns up later, pairing the period's taps again makes the journey complete and it is simply
 * priced as such; nothing here remembers an earlier maximum fare.
 */
public final class MaxFares {

    private final Map<String, MaxFareRule> rulesByNetwork;
    private final Function<String, Optional<Money>> highestFareFrom;

    /**
     * @param rules           at most one rule per network
     * @param highestFareFrom the highest fare from (or to) a station, for {@link MaxFareBasis.HighestFromOrigin}
     */
    public MaxFares(List<MaxFareRule> rules, Function<String, Optional<Money>> highestFareFrom) {
        Objects.requireNonNull(rules, "rules");
        this.rulesByNetwork = rules.stream().collect(Collectors.toUnmodifiableMap(MaxFareRule::networkId, rule -> rule,
                (a, b) -> {
                    throw new IllegalArgumentException("two maximum fare rules for network " + a.networkId());
                }));
        this.highestFareFrom = Objects.requireNonNull(highestFareFrom, "highestFareFrom");
    }

    /**
     * The maximum fare, or empty when the network has no rule or the highest fare from the station is
     * unknown (an unknown fare: the caller's policy decides).
     *
     * @param dailyCap the rider's daily cap, if any, for rules bounded by it
     */
    public Optional<MaxFareCharge> charge(Journey.Incomplete journey, Optional<Money> dailyCap) {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(dailyCap, "dailyCap");
        Tap known = journey.knownTap();
        MaxFareRule rule = rulesByNetwork.get(known.networkId());
        if (rule == null) {
            return Optional.empty();
        }
        Optional<Price> base = basePrice(rule.basis(), known.stopId());
        return base.map(price -> bounded(price, rule, dailyCap))
                .map(price -> new Price(price.amount(), reason(journey) + ": " + price.explanation()
                        + (rule.countsTowardsCaps() ? "" : " (not counted towards caps)")))
                .map(price -> new MaxFareCharge(price, rule.countsTowardsCaps()));
    }

    private Optional<Price> basePrice(MaxFareBasis basis, String stopId) {
        if (basis instanceof MaxFareBasis.Flat flat) {
            return Optional.of(new Price(flat.amount(), "maximum fare " + flat.amount()));
        }
        return highestFareFrom.apply(stopId)
                .map(amount -> new Price(amount, "highest fare from " + stopId + " " + amount));
    }

    private static Price bounded(Price price, MaxFareRule rule, Optional<Money> dailyCap) {
        if (!rule.boundedByDailyCap() || dailyCap.isEmpty() || price.amount().compareTo(dailyCap.get()) <= 0) {
            return price;
        }
        Money cap = dailyCap.get();
        return new Price(cap, price.explanation() + ", bounded by daily cap " + cap);
    }

    private static String reason(Journey.Incomplete journey) {
        if (journey instanceof Journey.MissingExit missing) {
            return "no exit after entry at " + missing.entry().stopId();
        }
        if (journey instanceof Journey.MissingEntry missing) {
            return "no entry before exit at " + missing.exit().stopId();
        }
        Journey.Overlong overlong = (Journey.Overlong) journey;
        return "journey " + overlong.entry().stopId() + "->" + overlong.exit().stopId() + " took "
                + Durations.text(Duration.between(overlong.entry().at(), overlong.exit().at()))
                + ", over the maximum journey time";
    }
}
