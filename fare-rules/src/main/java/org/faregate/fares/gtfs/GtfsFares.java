package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads GTFS-Fares v2 from the texts of a feed's files. Pure: the caller reads the folder or zip. */
public final class GtfsFares {

    private GtfsFares() {
    }

    /**
     * Loads a feed.
     *
     * @param files file name (e.g. {@code fare_products.txt}) to its whole text
     */
    public static LoadResult load(Map<String, String> files) {
        Notices notices = new Notices();
        FeedFiles feedFiles = new FeedFiles(files, notices);
        ReferenceLoader references = new ReferenceLoader(feedFiles, notices);
        references.load();
        FareLoader fares = new FareLoader(feedFiles, notices);
        fares.load();
        Set<String> known = new HashSet<>(ExtensionLoader.FILES);
        known.addAll(Set.of("agency.txt", "stops.txt", "routes.txt", "networks.txt", "areas.txt",
                "stop_areas.txt", "route_networks.txt", "calendar.txt", "calendar_dates.txt", "fare_media.txt",
                "rider_categories.txt", "fare_products.txt", "fare_leg_rules.txt", "fare_leg_join_rules.txt",
                "fare_transfer_rules.txt", "timeframes.txt"));
        feedFiles.reportUnknownFiles(known);
        checkForeignKeys(references, fares, notices);
        if (notices.hasErrors()) {
            return new LoadResult(Optional.empty(), notices.toList());
        }
        return new LoadResult(Optional.of(build(references, fares)), notices.toList());
    }

    private static void checkForeignKeys(ReferenceLoader refs, FareLoader fares, Notices notices) {
        Set<Object> serviceIds = new HashSet<>();
        refs.weeks.forEach(w -> serviceIds.add(w.service()));
        refs.exceptions.forEach(e -> serviceIds.add(e.service()));
        Set<Object> legGroups = new HashSet<>();
        fares.legRules.forEach(rule -> rule.legGroup().ifPresent(legGroups::add));
        Map<String, Set<?>> defined = new HashMap<>();
        defined.put("stops.txt", refs.stops.keySet());
        defined.put("routes.txt", refs.routeNetworks.keySet());
        defined.put("networks.txt", refs.networks);
        defined.put("areas.txt", refs.areas);
        defined.put("calendar.txt", serviceIds);
        defined.put("fare_media.txt", fares.media.keySet());
        defined.put("rider_categories.txt", fares.categories.keySet());
        defined.put("fare_products.txt", fares.namedProducts);
        defined.put("fare_leg_rules.txt", legGroups);
        defined.put("timeframes.txt", fares.timeframes.keySet());
        List<Reference> all = new ArrayList<>(refs.references);
        all.addAll(fares.references);
        for (Reference reference : all) {
            if (!defined.get(reference.target()).contains(reference.value())) {
                notices.add(NoticeCode.FOREIGN_KEY_VIOLATION, reference.file(), reference.line(), reference.field(),
                        "'" + reference.value() + "' is not defined in " + reference.target());
            }
        }
    }

    private static FaresFeed build(ReferenceLoader refs, FareLoader fares) {
        Map<RouteId, Route> routes = new HashMap<>();
        refs.routeNetworks.forEach((id, network) -> routes.put(id, new Route(id, network)));
        return new FaresFeed(refs.agencyTimezone, refs.stops, routes, refs.networks, refs.areas, refs.stopAreas,
                fares.media, fares.categories, fares.products, fares.legRules, fares.rulePriorityColumn,
                fares.joinRules, fares.transferRules, fares.timeframes, new Services(refs.weeks, refs.exceptions));
    }
}
