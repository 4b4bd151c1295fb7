package org.faregate.fares.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.Money;
import org.faregate.fares.charging.DistanceFare;
import org.faregate.fares.charging.Extensions;
import org.faregate.fares.charging.Journey;
import org.faregate.fares.charging.Price;
import org.faregate.fares.charging.TimeLimit;

/**
 * The fare of every ride before spend tiers and caps: complete and board rides by the network's distance
 * fare if it has one, else by the GTFS rules (one matcher sequence, see {@link GtfsLegs}), plus the
 * network's time-limit surcharge for complete journeys; incomplete journeys by their maximum fare;
 * unknown fares by the operator's policy ({@link MaximumFares#unknown}).
 */
final class JourneyPricer {

    private final Extensions extensions;
    private final GtfsLegs gtfs;
    private final MaximumFares maximumFares;

    JourneyPricer(Extensions extensions, GtfsLegs gtfs, MaximumFares maximumFares) {
        this.extensions = extensions;
        this.gtfs = gtfs;
        this.maximumFares = maximumFares;
    }

    List<JourneyFare> price(List<Ride> rides) {
        List<Ride> byGtfs = rides.stream().filter(ride -> !(ride.journey() instanceof Journey.Incomplete))
                .filter(ride -> !extensions.distanceFaresByNetwork().containsKey(ride.networkId())).toList();
        Map<String, LegOutcome> gtfsOutcomes = gtfs.price(byGtfs);
        List<JourneyFare> fares = new ArrayList<>();
        for (Ride ride : rides) {
            if (ride.journey() instanceof Journey.Incomplete) {
                fares.add(maximumFares.incomplete(ride));
                continue;
            }
            LegOutcome outcome = gtfsOutcomes.containsKey(ride.chargeTapId())
                    ? gtfsOutcomes.get(ride.chargeTapId()) : distance(ride);
            fares.add(withSurcharge(fare(ride, outcome)));
        }
        return fares;
    }

    private LegOutcome distance(Ride ride) {
        DistanceFare fare = extensions.distanceFaresByNetwork().get(ride.networkId());
        if (!(ride.journey() instanceof Journey.Complete complete)) {
            return new LegOutcome.Unknown("a board tap on distance-priced network " + ride.networkId()
                    + " has no exit station");
        }
        Optional<Price> price = fare.fare(complete);
        return price.<LegOutcome>map(p -> new LegOutcome.Known(p.amount(), p.explanation()))
                .orElseGet(() -> new LegOutcome.Unknown("no distance " + complete.entry().stopId() + "->"
                        + complete.exit().stopId() + " in the distance table"));
    }

    private JourneyFare fare(Ride ride, LegOutcome outcome) {
        if (outcome instanceof LegOutcome.Known known) {
            if (known.amount().isNegative()) {
                Money zero = Money.zero(known.amount().currency());
                return new JourneyFare(ride, zero, known.explanation() + "; negative amount charged as "
                        + zero + " (a refund is a ledger posting, not a fare)", false, true);
            }
            return new JourneyFare(ride, known.amount(), known.explanation(), false, true);
        }
        if (outcome instanceof LegOutcome.Joined joined) {
            return new JourneyFare(ride, Money.zero(maximumFares.currency()), "fare leg joined with the journey "
                    + "charged on tap " + joined.chargedOnTapId(), false, true);
        }
        return maximumFares.unknown(ride, ((LegOutcome.Unknown) outcome).reason());
    }

    private JourneyFare withSurcharge(JourneyFare fare) {
        TimeLimit limit = extensions.timeLimitsByNetwork().get(fare.ride().networkId());
        if (limit == null || fare.maximumFare() || !(fare.ride().journey() instanceof Journey.Complete complete)) {
            return fare;
        }
        Price surcharge = limit.surcharge(complete);
        return new JourneyFare(fare.ride(), fare.fare().plus(surcharge.amount()),
                fare.explanation() + "; " + surcharge.explanation(), false, fare.countsTowardsCaps());
    }
}
