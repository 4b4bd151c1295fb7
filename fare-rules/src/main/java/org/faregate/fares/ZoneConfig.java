package org.faregate.fares;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code zone.*}, {@code zone_fare.*} and {@code max_journey_minutes} keys of a fare configuration. */
final class ZoneConfig {

    private static final String STATION = "zone.";
    private static final String FARE = "zone_fare.";
    private static final String MAX_JOURNEY = "max_journey_minutes";
    /** One service day: a longer maximum journey would span service days. */
    private static final int MAX_JOURNEY_LIMIT = 24 * 60;

    private final Map<String, Integer> stationZones = new HashMap<>();
    private final TreeMap<Integer, ConfigEntry> fareEntries = new TreeMap<>();
    private final Map<Integer, Money> fares = new HashMap<>();
    private boolean sawStation;
    private Duration maxJourney = ZoneFare.DEFAULT_MAX_JOURNEY;

    /** Reads the entry if it is a zone key and says whether it was one. */
    boolean read(ConfigEntry entry, Optional<Currency> currency, ConfigReader reader) {
        if (entry.key().startsWith(STATION)) {
            sawStation = true;
            String station = entry.suffix(STATION).trim();
            if (station.isEmpty()) {
                reader.problem(entry, "bad_key", "station id missing after 'zone.'");
            }
            reader.integer(entry, 1, Integer.MAX_VALUE).ifPresent(zone -> {
                if (stationZones.putIfAbsent(station, zone) != null) {
                    reader.problem(entry, "duplicate_key", "station '" + station + "' is already set");
                }
            });
        } else if (entry.key().startsWith(FARE)) {
            Optional<Integer> span = spanOf(entry, reader);
            span.ifPresent(n -> fareEntries.put(n, entry));
            reader.fare(entry, currency).ifPresent(fare -> span.ifPresent(n -> fares.put(n, fare)));
        } else if (entry.key().equals(MAX_JOURNEY)) {
            reader.integer(entry, 1, MAX_JOURNEY_LIMIT).ifPresent(minutes -> maxJourney = Duration.ofMinutes(minutes));
        } else {
            return false;
        }
        return true;
    }

    /** Reports what a zone configuration lacks: stations, a fare table, fare table rows. */
    void checkComplete(ConfigReader reader) {
        if (!sawStation) {
            reader.missing(STATION + "<station>", "no stations: add lines such as zone.S01=1");
        }
        if (fareEntries.isEmpty()) {
            reader.missing(FARE + "1", "zone fare table is empty: add zone_fare.1=<fare for 1 zone>");
        }
        int expected = 1;
        for (Map.Entry<Integer, ConfigEntry> row : fareEntries.entrySet()) {
            if (row.getKey() > expected) {
                String gap = row.getKey() - 1 == expected ? FARE + expected : FARE + expected + ".." + (row.getKey() - 1);
                reader.problem(row.getValue(), "zone_fare_gap", gap + " missing: the zone fare table must run from 1 to "
                        + fareEntries.lastKey() + " without gaps");
            }
            expected = row.getKey() + 1;
        }
    }

    /** The rules; only valid after {@link #checkComplete} reported nothing. */
    ZoneFare build(Currency currency, Map<String, Integer> discountPercent) {
        List<Money> faresBySpan = new ArrayList<>();
        for (int span = 1; span <= fareEntries.lastKey(); span++) {
            faresBySpan.add(fares.get(span));
        }
        return new ZoneFare(currency, stationZones, faresBySpan, maxJourney, discountPercent);
    }

    private static Optional<Integer> spanOf(ConfigEntry entry, ConfigReader reader) {
        String text = entry.suffix(FARE);
        try {
            int span = Integer.parseInt(text);
            if (span >= 1) {
                return Optional.of(span);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problem(entry, "bad_key", "'" + text + "' after 'zone_fare.' must be a number of zones, 1 or more");
        return Optional.empty();
    }
}
