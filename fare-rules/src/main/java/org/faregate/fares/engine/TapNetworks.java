package org.faregate.fares.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faregate.fares.FareTap;
import org.faregate.fares.charging.ChargingSettings;
import org.faregate.fares.charging.Journey;
import org.faregate.fares.charging.Tap;
import org.faregate.fares.gtfs.AreaId;
import org.faregate.fares.gtfs.FaresFeed;
import org.faregate.fares.gtfs.NetworkId;
import org.faregate.fares.gtfs.RiderCategoryId;
import org.faregate.fares.gtfs.RouteId;
import org.faregate.fares.gtfs.StopId;

/**
 * The network of a tap: its route's network when the tap names a route (routes.network_id or
 * route_networks.txt; none if the route has none), else the operator's station network
 * ({@code station_network_id}), else none. An entry pairs only with an exit of the same network, so
 * taps without a network pair with each other.
 */
final class TapNetworks {

    /** The network id charging taps carry when the tap has no network; never a GTFS network. */
    static final String NONE = "(no network)";

    private final FaresFeed feed;
    private final Optional<String> stationNetwork;
    private final ChargingSettings settings;

    TapNetworks(FaresFeed feed, Optional<String> stationNetwork, ChargingSettings settings) {
        this.feed = feed;
        this.settings = settings;
        this.stationNetwork = stationNetwork;
    }

    static boolean isNone(String networkId) {
        return NONE.equals(networkId);
    }

    String networkOf(FareTap tap) {
        if (tap.routeId().isPresent()) {
            return feed.networkOf(RouteId.of(tap.routeId().get())).map(NetworkId::value).orElse(NONE);
        }
        return stationNetwork.orElse(NONE);
    }

    Tap chargingTap(FareTap tap) {
        return new Tap(tap.tapId(), tap.at(), tap.stationId(), networkOf(tap), tap.event(), "account");
    }

    /** The rides of the journeys, looking up each charging tap's {@link FareTap} by id. */
    List<Ride> rides(List<Journey> journeys, Map<String, FareTap> tapsById) {
        List<Ride> rides = new ArrayList<>();
        Map<String, Set<String>> areaCache = new HashMap<>();
        for (Journey journey : journeys) {
            FareTap first = tapsById.get(journey.taps().get(0).tapId());
            Optional<String> route = first.routeId();
            Set<String> areas = new HashSet<>();
            for (Tap tap : journey.taps()) {
                if (route.isEmpty()) {
                    route = tapsById.get(tap.tapId()).routeId();
                }
                areas.addAll(areaCache.computeIfAbsent(tap.stopId(), this::areasOf));
            }
            rides.add(new Ride(journey, journey.taps().get(0).networkId(), route.map(RouteId::of),
                    riderCategory(first.riderCategory()), first.fareMediaId(), areas));
        }
        return rides;
    }

    /**
     * The feed's rider category for an account's: its mapping in the settings, else itself if the feed
     * knows it; a category the feed does not know rides as the feed's default category (and a feed with
     * no categories prices every product for everyone).
     */
    private String riderCategory(String accountCategory) {
        String mapped = settings.feedRiderCategory(accountCategory);
        if (feed.riderCategories().isEmpty() || feed.riderCategories().containsKey(RiderCategoryId.of(mapped))) {
            return mapped;
        }
        return feed.defaultRiderCategory().map(RiderCategoryId::value).orElse(mapped);
    }

    private Set<String> areasOf(String stopId) {
        Set<String> areas = new HashSet<>();
        for (AreaId area : feed.areasOf(StopId.of(stopId))) {
            areas.add(area.value());
        }
        return areas;
    }
}
