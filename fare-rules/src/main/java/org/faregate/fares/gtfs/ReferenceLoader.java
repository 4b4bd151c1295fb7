package org.faregate.fares.gtfs;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads what the fares files reference: agency, stops, routes, networks, areas, calendars. */
final class ReferenceLoader {

    final Map<StopId, Stop> stops = new HashMap<>();
    final Map<RouteId, Optional<NetworkId>> routeNetworks = new HashMap<>();
    final Set<NetworkId> networks = new HashSet<>();
    final Set<AreaId> areas = new HashSet<>();
    final Map<StopId, Set<AreaId>> stopAreas = new HashMap<>();
    final List<Services.Week> weeks = new ArrayList<>();
    final List<Services.Exception> exceptions = new ArrayList<>();
    final List<Reference> references = new ArrayList<>();
    ZoneId agencyTimezone = ZoneOffset.UTC;

    private final FeedFiles files;
    private final Notices notices;

    ReferenceLoader(FeedFiles files, Notices notices) {
        this.files = files;
        this.notices = notices;
    }

    void load() {
        agency();
        stops();
        routes();
        simple("networks.txt", "network_id", List.of("network_name"), id -> networks.add(NetworkId.of(id)));
        simple("areas.txt", "area_id", List.of("area_name"), id -> areas.add(AreaId.of(id)));
        stopAreas();
        routeNetworkRows();
        calendar();
        calendarDates();
    }

    private void agency() {
        files.table("agency.txt", true, List.of("agency_name", "agency_timezone"), List.of("agency_id", "agency_url",
                "agency_lang", "agency_phone", "agency_fare_url", "agency_email", "cemv_support")).ifPresent(table -> {
                    Set<ZoneId> zones = new HashSet<>();
                    for (CsvTable.Row row : table.rows()) {
                        Fields fields = new Fields(row, notices);
                        fields.required("agency_timezone");
                        fields.timezone("agency_timezone").ifPresent(zones::add);
                        if (zones.size() == 1) {
                            agencyTimezone = zones.iterator().next();
                        }
                    }
                });
    }

    private void stops() {
        files.table("stops.txt", false, List.of("stop_id"), List.of("stop_code", "stop_name", "tts_stop_name",
                "stop_desc", "stop_lat", "stop_lon", "zone_id", "stop_url", "location_type", "parent_station",
                "stop_timezone", "wheelchair_boarding", "level_id", "platform_code", "stop_access")).ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields fields = new Fields(row, notices);
                        StopId id = StopId.of(fields.required("stop_id"));
                        Optional<StopId> parent = fields.optionalId("parent_station", StopId::of);
                        Optional<ZoneId> zone = fields.timezone("stop_timezone");
                        if (fields.ok() && keys.firstTime(fields, "stop_id", id)) {
                            stops.put(id, new Stop(id, parent, zone));
                            parent.ifPresent(p -> references.add(new Reference(fields, "parent_station", p, "stops.txt")));
                        }
                    }
                });
    }

    private void routes() {
        files.table("routes.txt", false, List.of("route_id"), List.of("agency_id", "route_short_name",
                "route_long_name", "route_desc", "route_type", "route_url", "route_color", "route_text_color",
                "route_sort_order", "continuous_pickup", "continuous_drop_off", "network_id", "cemv_support"))
                .ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields fields = new Fields(row, notices);
                        RouteId id = RouteId.of(fields.required("route_id"));
                        Optional<NetworkId> network = fields.optionalId("network_id", NetworkId::of);
                        if (fields.ok() && keys.firstTime(fields, "route_id", id)) {
                            routeNetworks.put(id, network);
                            network.ifPresent(networks::add);
                        }
                    }
                });
    }

    private void simple(String file, String idColumn, List<String> optional, java.util.function.Consumer<String> add) {
        files.table(file, false, List.of(idColumn), optional).ifPresent(table -> {
            FeedFiles.Keys keys = new FeedFiles.Keys();
            for (CsvTable.Row row : table.rows()) {
                Fields fields = new Fields(row, notices);
                String id = fields.required(idColumn);
                if (fields.ok() && keys.firstTime(fields, idColumn, id)) {
                    add.accept(id);
                }
            }
        });
    }

    private void stopAreas() {
        files.table("stop_areas.txt", false, List.of("area_id", "stop_id"), List.of()).ifPresent(table -> {
            FeedFiles.Keys keys = new FeedFiles.Keys();
            for (CsvTable.Row row : table.rows()) {
                Fields fields = new Fields(row, notices);
                AreaId area = AreaId.of(fields.required("area_id"));
                StopId stop = StopId.of(fields.required("stop_id"));
                if (fields.ok() && keys.firstTime(fields, "stop_id", List.of(area, stop))) {
                    stopAreas.computeIfAbsent(stop, s -> new HashSet<>()).add(area);
                    references.add(new Reference(fields, "area_id", area, "areas.txt"));
                    references.add(new Reference(fields, "stop_id", stop, "stops.txt"));
                }
            }
        });
    }

    private void routeNetworkRows() {
        files.table("route_networks.txt", false, List.of("network_id", "route_id"), List.of()).ifPresent(table -> {
            FeedFiles.Keys keys = new FeedFiles.Keys();
            for (CsvTable.Row row : table.rows()) {
                Fields fields = new Fields(row, notices);
                NetworkId network = NetworkId.of(fields.required("network_id"));
                RouteId route = RouteId.of(fields.required("route_id"));
                if (fields.ok() && keys.firstTime(fields, "route_id", route)) {
                    references.add(new Reference(fields, "network_id", network, "networks.txt"));
                    references.add(new Reference(fields, "route_id", route, "routes.txt"));
                    routeNetworks.put(route, Optional.of(network));
                }
            }
        });
    }

    private void calendar() {
        List<String> days = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        List<String> required = new ArrayList<>(List.of("service_id"));
        required.addAll(days);
        required.addAll(List.of("start_date", "end_date"));
        files.table("calendar.txt", false, required, List.of()).ifPresent(table -> {
            FeedFiles.Keys keys = new FeedFiles.Keys();
            for (CsvTable.Row row : table.rows()) {
                Fields fields = new Fields(row, notices);
                ServiceId service = ServiceId.of(fields.required("service_id"));
                Set<DayOfWeek> running = EnumSet.noneOf(DayOfWeek.class);
                for (int d = 0; d < days.size(); d++) {
                    fields.required(days.get(d));
                    if (fields.enumValue(days.get(d), 1).orElse(0) == 1) {
                        running.add(DayOfWeek.of(d + 1));
                    }
                }
                var start = fields.date("start_date");
                var end = fields.date("end_date");
                if (fields.ok() && keys.firstTime(fields, "service_id", service)) {
                    weeks.add(new Services.Week(service, running, start.orElseThrow(), end.orElseThrow()));
                }
            }
        });
    }

    private void calendarDates() {
        files.table("calendar_dates.txt", false, List.of("service_id", "date", "exception_type"), List.of())
                .ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields fields = new Fields(row, notices);
                        ServiceId service = ServiceId.of(fields.required("service_id"));
                        var date = fields.date("date");
                        fields.required("exception_type");
                        Optional<Integer> type = fields.integer("exception_type", 1, 2);
                        if (fields.ok() && keys.firstTime(fields, "date", List.of(service, date.orElseThrow()))) {
                            exceptions.add(new Services.Exception(service, date.orElseThrow(), type.orElseThrow() == 1));
                        }
                    }
                });
    }
}
