package org.faregate.fares.charging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Fare distances between station pairs (for Shanghai and Beijing: the shortest path). A symmetric
 * table answers B->A from a row A->B; a station's distance to itself is 0 unless a row says otherwise.
 */
public final class DistanceTable {

    private final Map<String, Long> metresByPair;

    private DistanceTable(Map<String, Long> metresByPair) {
        this.metresByPair = Map.copyOf(metresByPair);
    }

    /** Throws when two rows give different distances for the same pair. */
    public static DistanceTable of(List<StopDistance> rows, boolean symmetric) {
        Map<String, Long> metres = new HashMap<>();
        for (StopDistance row : rows) {
            put(metres, row.fromStopId(), row.toStopId(), row.metres());
            if (symmetric) {
                put(metres, row.toStopId(), row.fromStopId(), row.metres());
            }
        }
        return new DistanceTable(metres);
    }

    public OptionalLong metres(String fromStopId, String toStopId) {
        Long metres = metresByPair.get(key(fromStopId, toStopId));
        if (metres != null) {
            return OptionalLong.of(metres);
        }
        return fromStopId.equals(toStopId) ? OptionalLong.of(0) : OptionalLong.empty();
    }

    private static void put(Map<String, Long> metres, String from, String to, long distance) {
        Long earlier = metres.putIfAbsent(key(from, to), distance);
        if (earlier != null && earlier != distance) {
            throw new IllegalArgumentException("distance " + from + "->" + to + " given as " + earlier
                    + " m and as " + distance + " m");
        }
    }

    private static String key(String from, String to) {
        Objects.requireNonNull(from, "fromStopId");
        Objects.requireNonNull(to, "toStopId");
        return from + '\u0000' + to;
    }
}
