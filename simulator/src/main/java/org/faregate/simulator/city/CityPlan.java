package org.faregate.simulator.city;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
