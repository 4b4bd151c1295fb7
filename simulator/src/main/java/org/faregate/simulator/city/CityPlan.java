package org.faregate.simulator.city;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A city and its riders' day, drawn from a seed: the same seed gives the same city. Stations sit in three
 * fare zones; riders commute (a morning and an evening trip) and some make a midday trip.
 */
public record CityPlan(LocalDate day, ZoneId zone, String currency, List<Station> stations, List<RiderPlan> riders) {

    public CityPlan {
        stations = List.copyOf(stations);
        riders = List.copyOf(riders);
    }

    public static CityPlan generate(long seed, int stationCount, int riderCount, LocalDate day, ZoneId zone) {
        if (stationCount < 2 || riderCount < 1) {
            throw new IllegalArgumentException("a city needs at least 2 stations and 1 rider");
        }
        Random random = new Random(seed);
        List<Station> stations = new ArrayList<>();
        for (int i = 1; i <= stationCount; i++) {
            int fareZone = 1 + (i - 1) * 3 / stationCount;
            stations.add(new Station(String.format("S%02d", i), "Station " + i, fareZone));
        }
        List<RiderPlan> riders = new ArrayList<>();
        for (int i = 0; i < riderCount; i++) {
            riders.add(rider(i, random, stations, day, zone));
        }
        return new CityPlan(day, zone, "CNY", stations, riders);
    }

    private static RiderPlan rider(int index, Random random, List<Station> stations, LocalDate day, ZoneId zone) {
        Media media = Media.values()[random.nextInt(4) == 0 ? 1 : random.nextInt(3) == 0 ? 2 : 0];
        String category = random.nextInt(10) == 0 ? "child" : "adult";
        Station home = stations.get(random.nextInt(stations.size()));
        Station work = other(random, stations, home);
        List<Trip> trips = new ArrayList<>();
        Instant morning = at(day, zone, LocalTime.of(6, 0).plusMinutes(random.nextInt(240)));
        trips.add(new Trip(home, work, morning, ride(random)));
        if (random.nextInt(3) == 0) {
            Instant lunch = at(day, zone, LocalTime.of(11, 30).plusMinutes(random.nextInt(120)));
            Station errand = other(random, stations, work);
            Duration ride = ride(random);
            trips.add(new Trip(work, errand, lunch, ride));
            trips.add(new Trip(errand, work, lunch.plus(ride).plusSeconds(1200 + random.nextInt(1800)), ride(random)));
        }
        Instant evening = at(day, zone, LocalTime.of(16, 0).plusMinutes(random.nextInt(300)));
        trips.add(new Trip(work, home, evening, ride(random)));
        // Most riders load enough for the day; about one in six loads too little and runs out.
        long topUp = random.nextInt(6) == 0 ? 500 + random.nextInt(4) * 100 : 3_000 + random.nextInt(5) * 1_000;
        return new RiderPlan(index, media, category, topUp, trips);
    }

    private static Station other(Random random, List<Station> stations, Station not) {
        List<Station> others = stations.stream().filter(s -> !s.equals(not)).collect(Collectors.toList());
        return others.get(random.nextInt(others.size()));
    }

    private static Duration ride(Random random) {
        return Duration.ofMinutes(6 + random.nextInt(45));
    }

    private static Instant at(LocalDate day, ZoneId zone, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    /**
     * The same fares as a GTFS-Fares v2 feed with Faregate extension files, as an operator publishes them:
     * the zones are areas, a journey's product is chosen by its from and to areas (3.00, 4.00 or 5.00
     * for one, two or three zones; children pay half), and an incomplete journey pays the highest fare
     * from its origin (faregate_max_fares.txt).
     */
    public Map<String, String> fareFeed() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("agency.txt", "agency_name,agency_timezone\nSimulated City Transit," + zone.getId() + "\n");
        StringBuilder stops = new StringBuilder("stop_id,stop_name\n");
        StringBuilder stopAreas = new StringBuilder("area_id,stop_id\n");
        for (Station station : stations) {
            stops.append(station.id()).append(',').append(station.name()).append('\n');
            stopAreas.append("zone").append(station.zone()).append(',').append(station.id()).append('\n');
        }
        files.put("stops.txt", stops.toString());
        files.put("stop_areas.txt", stopAreas.toString());
        files.put("areas.txt", "area_id,area_name\nzone1,Zone 1\nzone2,Zone 2\nzone3,Zone 3\n");
        files.put("networks.txt", "network_id,network_name\nmetro,City Metro\n");
        files.put("rider_categories.txt", "rider_category_id,rider_category_name,is_default_fare_category\n"
                + "adult,Adult,1\nchild,Child,0\n");
        files.put("fare_products.txt", "fare_product_id,fare_product_name,amount,currency,rider_category_id\n"
                + "zones1,One zone,3.00,CNY,adult\nzones1,One zone,1.50,CNY,child\n"
                + "zones2,Two zones,4.00,CNY,adult\nzones2,Two zones,2.00,CNY,child\n"
                + "zones3,Three zones,5.00,CNY,adult\nzones3,Three zones,2.50,CNY,child\n");
        StringBuilder legRules = new StringBuilder("leg_group_id,network_id,from_area_id,to_area_id,fare_product_id\n");
        for (int from = 1; from <= 3; from++) {
            for (int to = 1; to <= 3; to++) {
                legRules.append("z").append(from).append(to).append(",metro,zone").append(from).append(",zone")
                        .append(to).append(",zones").append(Math.abs(to - from) + 1).append('\n');
            }
        }
        files.put("fare_leg_rules.txt", legRules.toString());
        files.put("faregate_settings.txt", "setting_id,value\nservice_day_cutover,04:00\nstation_network_id,metro\n"
                + "unknown_fare,maximum_fare\n");
        files.put("faregate_max_fares.txt", "network_id,max_journey_minutes,max_fare_type,amount,currency,"
                + "counts_towards_caps,bounded_by_daily_cap\nmetro,180,highest_from_origin,,,0,0\n");
        return files;
    }

    /** The fare rules text (docs/fare-config.md) for this city: a zone fare with a child discount. */
    public String fareConfig() {
        StringBuilder text = new StringBuilder();
        text.append("# Fare rules of the simulated city\n");
        text.append("currency=").append(currency).append('\n');
        text.append("type=zone\n");
        text.append("zone_fare.1=3.00\nzone_fare.2=4.00\nzone_fare.3=5.00\n");
        text.append("category.child=50\n");
        text.append("max_journey_minutes=180\n");
        for (Station station : stations) {
            text.append("zone.").append(station.id()).append('=').append(station.zone()).append('\n');
        }
        return text.toString();
    }
}
