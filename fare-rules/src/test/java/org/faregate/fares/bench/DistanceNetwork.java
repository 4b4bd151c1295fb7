package org.faregate.fares.bench;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.faregate.fares.FareTap;
import org.faregate.fares.TapEvent;

/**
 * A generated gated metro priced by distance: {@value #STATIONS} stations on a ring (one loop line), the
 * gaps between neighbours drawn uniformly from 400 to 1,400 m with a fixed seed, the fare distance of a pair
 * the shorter way round the ring. Shanghai's formula (DOMAIN.md §3: ¥3 up to 6 km, then ¥1 per started
 * 10 km) and a daily cap of ¥15.00. Every one of the 300 × 299 / 2 pairs has a row in
 * faregate_stop_distances.txt.
 */
final class DistanceNetwork {

    static final int STATIONS = 300;
    /** The seed of the benchmarks' network. */
    static final long SEED = 300L;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String NETWORK = "ring_metro";
    /** The furthest a generated journey goes, in stations either way round. */
    private static final int MAX_HOPS = 40;

    private final long[] position;
    private final long circumference;

    DistanceNetwork(long seed) {
        Random random = new Random(seed);
        position = new long[STATIONS];
        for (int i = 1; i < STATIONS; i++) {
            position[i] = position[i - 1] + gap(random);
        }
        circumference = position[STATIONS - 1] + gap(random);
    }

    private static long gap(Random random) {
        return 400 + random.nextInt(1001);
    }

    static String stopId(int station) {
        return String.format("S%03d", station + 1);
    }

    long metres(int from, int to) {
        long along = Math.abs(position[from] - position[to]);
        return Math.min(along, circumference - along);
    }

    long circumference() {
        return circumference;
    }

    /** The feed's files, as an operator would upload them. */
    Map<String, String> files() {
        Map<String, String> files = new HashMap<>();
        files.put("agency.txt", "agency_name,agency_timezone\nRing Metro,Asia/Shanghai\n");
        files.put("networks.txt", "network_id,network_name\n" + NETWORK + ",Ring Metro\n");
        files.put("fare_leg_rules.txt", "fare_product_id,network_id\n");
        files.put("fare_products.txt", "fare_product_id,amount,currency\n");
        files.put("faregate_settings.txt",
                "setting_id,value\nservice_day_cutover,04:00\nstation_network_id," + NETWORK + "\n");
        files.put("faregate_distance_bands.txt",
                "distance_fare_id,network_id,band_start_m,band_end_m,step_m,amount,currency,boundary_in\n"
                        + "sh," + NETWORK + ",0,6000,,3.00,CNY,lower_band\n"
                        + "sh," + NETWORK + ",6000,,10000,1.00,CNY,lower_band\n");
        files.put("faregate_caps.txt", "cap_id,period,amount,currency,rider_category_id,network_id,area_id\n"
                + "ring_day,day,15.00,CNY,,,\n");
        StringBuilder stops = new StringBuilder("stop_id,stop_name\n");
        for (int i = 0; i < STATIONS; i++) {
            stops.append(stopId(i)).append(",Station ").append(i + 1).append('\n');
        }
        files.put("stops.txt", stops.toString());
        StringBuilder distances = new StringBuilder("from_stop_id,to_stop_id,distance_m\n");
        for (int i = 0; i < STATIONS; i++) {
            for (int j = i + 1; j < STATIONS; j++) {
                distances.append(stopId(i)).append(',').append(stopId(j)).append(',').append(metres(i, j)).append('\n');
            }
        }
        files.put("faregate_stop_distances.txt", distances.toString());
        return files;
    }

    /**
     * Rider days of 6 taps: three complete journeys (morning, midday, evening) on 2025-03-10, each from a
     * random station to one 1 to {@value #MAX_HOPS} stations away either way round, 10 to 69 minutes long.
     */
    static List<List<FareTap>> days(int count, long seed) {
        Random random = new Random(seed);
        List<List<FareTap>> days = new ArrayList<>(count);
        int[] startHours = {8, 13, 18};
        for (int d = 0; d < count; d++) {
            List<FareTap> day = new ArrayList<>(6);
            for (int j = 0; j < startHours.length; j++) {
                int origin = random.nextInt(STATIONS);
                int hops = 1 + random.nextInt(MAX_HOPS);
                int destination = Math.floorMod(origin + (random.nextBoolean() ? hops : -hops), STATIONS);
                LocalDateTime entry = LocalDateTime.of(2025, 3, 10, startHours[j], random.nextInt(60));
                LocalDateTime exit = entry.plusMinutes(10 + random.nextInt(60));
                day.add(new FareTap("j" + j + "-in", entry.atZone(SHANGHAI).toInstant(), stopId(origin),
                        TapEvent.ENTRY, "adult"));
                day.add(new FareTap("j" + j + "-out", exit.atZone(SHANGHAI).toInstant(), stopId(destination),
                        TapEvent.EXIT, "adult"));
            }
            days.add(List.copyOf(day));
        }
        return List.copyOf(days);
    }
}
