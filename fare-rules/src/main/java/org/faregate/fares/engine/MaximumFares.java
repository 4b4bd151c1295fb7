package org.faregate.fares.engine;

import java.util.Currency;
import java.util.Optional;
import java.util.function.Function;
import org.faregate.fares.Money;
import org.faregate.fares.charging.Cap;
import org.faregate.fares.charging.CapPeriod;
import org.faregate.fares.charging.CapScope;
import org.faregate.fares.charging.ChargingSettings.UnknownFarePolicy;
import org.faregate.fares.charging.Extensions;
import org.faregate.fares.charging.Journey;
import org.faregate.fares.charging.MaxFareBasis;
import org.faregate.fares.charging.MaxFareCharge;
import org.faregate.fares.charging.MaxFareRule;
import org.faregate.fares.charging.MaxFares;

/**
 * Maximum fares: for incomplete journeys ({@link MaxFares}), and for rides whose fare is unknown when the
 * operator's policy is {@code maximum_fare}. An unknown fare with no maximum fare to fall back on costs zero.
 * Every explanation of an unknown fare says it was unknown.
 */
final class MaximumFares {

    private final Extensions extensions;
    private final HighestFare highest;
    private final Currency currency;

    MaximumFares(Extensions extensions, HighestFare highest, Currency currency) {
        this.extensions = extensions;
        this.highest = highest;
        this.currency = currency;
    }

    Currency currency() {
        return currency;
    }

    JourneyFare incomplete(Ride ride) {
        Journey.Incomplete journey = (Journey.Incomplete) ride.journey();
        Function<String, Optional<Money>> highestFare = journey instanceof Journey.MissingEntry
                ? stop -> highest.to(stop, ride) : stop -> highest.from(stop, ride);
        Optional<MaxFareCharge> charge = new MaxFares(extensions.maxFares(), highestFare)
                .charge(journey, dailyCap(ride));
        if (charge.isPresent()) {
            return new JourneyFare(ride, charge.get().price().amount(), charge.get().price().explanation(), true,
                    charge.get().countsTowardsCaps());
        }
        return zero(ride, "fare unknown (incomplete journey, no maximum fare known for network "
                + ride.networkId() + " from " + journey.knownTap().stopId() + ")");
    }

    /** A complete or board ride whose fare is unknown, priced by the operator's unknown-fare policy. */
    JourneyFare unknown(Ride ride, String reason) {
        String unknown = "fare unknown (" + reason + ")";
        if (extensions.settings().unknownFare() == UnknownFarePolicy.ZERO) {
            return zero(ride, unknown + ", unknown fares cost zero");
        }
        Optional<MaxFareRule> rule = extensions.maxFares().stream()
                .filter(r -> r.networkId().equals(ride.networkId())).findFirst();
        if (rule.isEmpty()) {
            return zero(ride, unknown + ", network " + ride.networkId() + " has no maximum fare");
        }
        Optional<Money> amount = rule.get().basis() instanceof MaxFareBasis.Flat flat ? Optional.of(flat.amount())
                : highest.from(ride.first().stopId(), ride);
        if (amount.isEmpty()) {
            return zero(ride, unknown + ", no fare known from " + ride.first().stopId());
        }
        Money fare = amount.get();
        String why = unknown + ": maximum fare of network " + ride.networkId() + " " + fare;
        Optional<Money> cap = dailyCap(ride);
        if (rule.get().boundedByDailyCap() && cap.isPresent() && cap.get().compareTo(fare) < 0) {
            fare = cap.get();
            why = why + ", bounded by daily cap " + fare;
        }
        return new JourneyFare(ride, fare, why, true, rule.get().countsTowardsCaps());
    }

    private JourneyFare zero(Ride ride, String explanation) {
        Money zero = Money.zero(currency);
        return new JourneyFare(ride, zero, explanation + ": " + zero, true, true);
    }

    /** The smallest daily cap covering the ride, for maximum fares bounded by it. */
    private Optional<Money> dailyCap(Ride ride) {
        return extensions.caps().stream().filter(cap -> cap.period() == CapPeriod.DAY)
                .filter(cap -> covers(cap.scope(), ride)).map(Cap::amount).min(Money::compareTo);
    }

    /** As {@code CapScope.covers}: empty sets mean any; areas cover a ride only if it touched none outside. */
    static boolean covers(CapScope scope, Ride ride) {
        return (scope.riderCategories().isEmpty() || scope.riderCategories().contains(ride.riderCategory()))
                && (scope.networks().isEmpty() || scope.networks().contains(ride.networkId()))
                && (scope.areas().isEmpty() || !ride.areas().isEmpty() && scope.areas().containsAll(ride.areas()));
    }
}
