package org.faregate.fares.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faregate.fares.charging.Journey;
import org.faregate.fares.gtfs.FareLeg;
import org.faregate.fares.gtfs.FareMatcher;
import org.faregate.fares.gtfs.JourneyQuote;
import org.faregate.fares.gtfs.LegCharge;
import org.faregate.fares.gtfs.StopId;

/**
 * Prices complete and board rides with the GTFS matcher: the rides of one rider category and fare media
 * (normally all rides of the day) go through ONE {@link FareMatcher#price} call, in time order, so join
 * rules and transfer rules apply across them. Incomplete journeys and distance-priced rides are not in
 * that sequence: a transfer can span them.
 */
final class GtfsLegs {

    private final FareMatcher matcher;

    GtfsLegs(FareMatcher matcher) {
        this.matcher = matcher;
    }

    /** The outcome of each ride, by its charge tap id. */
    Map<String, LegOutcome> price(List<Ride> rides) {
        Map<List<Object>, List<Ride>> groups = new LinkedHashMap<>();
        for (Ride ride : rides) {
            groups.computeIfAbsent(List.of(ride.riderCategory(), ride.fareMedia()), key -> new ArrayList<>()).add(ride);
        }
        Map<String, LegOutcome> outcomes = new HashMap<>();
        for (List<Ride> group : groups.values()) {
            List<FareLeg> legs = group.stream().map(GtfsLegs::leg).toList();
            Ride first = group.get(0);
            JourneyQuote quote = matcher.price(legs, first.gtfsCategory(), first.gtfsMedia());
            for (LegCharge charge : quote.charges()) {
                String chargedOn = group.get(charge.legs().get(0)).chargeTapId();
                outcomes.put(chargedOn, outcome(charge));
                for (int joined : charge.legs().subList(1, charge.legs().size())) {
                    outcomes.put(group.get(joined).chargeTapId(), new LegOutcome.Joined(chargedOn));
                }
            }
        }
        return outcomes;
    }

    private static LegOutcome outcome(LegCharge charge) {
        if (charge instanceof LegCharge.Priced priced) {
            return new LegOutcome.Known(priced.amount(), priced.explanation());
        }
        return new LegOutcome.Unknown(charge.explanation());
    }

    static FareLeg leg(Ride ride) {
        Journey journey = ride.journey();
        if (journey instanceof Journey.Complete complete) {
            return new FareLeg(ride.route(), ride.network(), StopId.of(complete.entry().stopId()),
                    StopId.of(complete.exit().stopId()), complete.entry().at(), complete.exit().at());
        }
        if (journey instanceof Journey.Board board) {
            StopId stop = StopId.of(board.tap().stopId());
            return new FareLeg(ride.route(), ride.network(), stop, stop, board.tap().at(), board.tap().at());
        }
        throw new IllegalArgumentException("only complete and board journeys are fare legs: " + journey);
    }
}
