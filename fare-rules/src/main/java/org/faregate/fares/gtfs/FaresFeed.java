package org.faregate.fares.gtfs;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fares of one feed, immutable: every adopted fares file and what it references. Built only by
 * {@link GtfsFares#load}.
 *
 * @param rulePriorityColumn whether fare_leg_rules.txt has a rule_priority column at all, which decides
 *                           what an empty network, from_area or to_area means
 */
public record FaresFeed(ZoneId agencyTimezone,
                        Map<StopId, Stop> stops,
                        Map<RouteId, Route> routes,
                        Set<NetworkId> networks,
                        Set<AreaId> areas,
                        Map<StopId, Set<AreaId>> stopAreas,
                        Map<FareMediaId, FareMedia> fareMedia,
                        Map<RiderCategoryId, RiderCategory> riderCategories,
                        Map<FareProductId, List<FareProduct>> fareProducts,
                        List<FareLegRule> legRules,
                        boolean rulePriorityColumn,
                        List<FareLegJoinRule> joinRules,
                        List<FareTransferRule> transferRules,
                        Map<TimeframeGroupId, List<Timeframe>> timeframes,
                        Services services) {

    public FaresFeed {
        Objects.requireNonNull(agencyTimezone, "agencyTimezone");
        stops = Map.copyOf(stops);
        routes = Map.copyOf(routes);
        networks = Set.copyOf(networks);
        areas = Set.copyOf(areas);
        Map<StopId, Set<AreaId>> areasCopy = new HashMap<>();
        stopAreas.forEach((stop, set) -> areasCopy.put(stop, Set.copyOf(set)));
        stopAreas = Map.copyOf(areasCopy);
        fareMedia = Map.copyOf(fareMedia);
        riderCategories = Map.copyOf(riderCategories);
        Map<FareProductId, List<FareProduct>> productsCopy = new HashMap<>();
        fareProducts.forEach((id, rows) -> productsCopy.put(id, List.copyOf(rows)));
        fareProducts = Map.copyOf(productsCopy);
        legRules = List.copyOf(legRules);
        joinRules = List.copyOf(joinRules);
        transferRules = List.copyOf(transferRules);
        Map<TimeframeGroupId, List<Timeframe>> timeframesCopy = new HashMap<>();
        timeframes.forEach((id, rows) -> timeframesCopy.put(id, List.copyOf(rows)));
        timeframes = Map.copyOf(timeframesCopy);
        Objects.requireNonNull(services, "services");
    }

    /** The areas of a stop: its own stop_areas rows plus those of its parent station. */
    public Set<AreaId> areasOf(StopId stop) {
        Set<AreaId> result = new HashSet<>(stopAreas.getOrDefault(stop, Set.of()));
        findStop(stop).flatMap(Stop::parentStation)
                .ifPresent(parent -> result.addAll(stopAreas.getOrDefault(parent, Set.of())));
        return result;
    }

    /** The timezone of a stop: its stop_timezone, else its parent station's, else the agency's. */
    public ZoneId timezoneOf(StopId stop) {
        Optional<Stop> found = findStop(stop);
        return found.flatMap(Stop::timezone)
                .or(() -> found.flatMap(Stop::parentStation).flatMap(this::findStop).flatMap(Stop::timezone))
                .orElse(agencyTimezone);
    }

    public Optional<Stop> findStop(StopId stop) {
        return Optional.ofNullable(stops.get(stop));
    }

    public Optional<NetworkId> networkOf(RouteId route) {
        return Optional.ofNullable(routes.get(route)).flatMap(Route::network);
    }

    /** The default rider category (is_default_fare_category = 1), if the feed names one. */
    public Optional<RiderCategoryId> defaultRiderCategory() {
        List<RiderCategoryId> defaults = new ArrayList<>();
        riderCategories.values().stream().filter(RiderCategory::isDefault).forEach(c -> defaults.add(c.id()));
        return defaults.size() == 1 ? Optional.of(defaults.get(0)) : Optional.empty();
    }
}
