package org.faregate.fares.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.Money;
import org.faregate.fares.charging.DistanceFare;
import org.faregate.fares.charging.Price;
import org.faregate.fares.gtfs.FareLeg;
import org.faregate.fares.gtfs.FareMatcher;
import org.faregate.fares.gtfs.FaresFeed;
import org.faregate.fares.gtfs.StopId;

/**
 * The highest fare of any single ride from (or to) a station on a ride's network, at the ride's time, for
 * its rider category and fare media ({@code highest_from_origin} maximum fares): by the network's distance
 * fare when it has one, else by the GTFS rules, trying every stop of stops.txt as the other end. Empty when
 * no ride from the station has a known fare.
 */
final class HighestFare {

    private final FaresFeed feed;
    private final FareMatcher matcher;
    private final Map<String, DistanceFare> distanceFares;

    HighestFare(FaresFeed feed, FareMatcher matcher, Map<String, DistanceFare> distanceFares) {
        this.feed = feed;
        this.matcher = matcher;
        this.distanceFares = distanceFares;
    }

    Optional<Money> from(String stopId, Ride ride) {
        return highest(stopId, ride, true);
    }

    Optional<Money> to(String stopId, Ride ride) {
        return highest(stopId, ride, false);
    }

    private Optional<Money> highest(String stopId, Ride ride, boolean outbound) {
        DistanceFare distance = distanceFares.get(ride.networkId());
        Money highest = null;
        for (StopId other : feed.stops().keySet()) {
            String from = outbound ? stopId : other.value();
            String to = outbound ? other.value() : stopId;
            Optional<Money> fare = distance != null ? distance.fare(from, to).map(Price::amount)
                    : matcher.price(List.of(new FareLeg(Optional.empty(), ride.network(),
                            StopId.of(from), StopId.of(to), ride.at(), ride.at())), ride.gtfsCategory(),
                            ride.gtfsMedia()).total();
            if (fare.isPresent() && (highest == null || fare.get().compareTo(highest) > 0)) {
                highest = fare.get();
            }
        }
        return Optional.ofNullable(highest);
    }
}
