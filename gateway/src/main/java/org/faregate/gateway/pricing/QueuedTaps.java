package org.faregate.gateway.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.Direction;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;

/**
 * The taps a queue row carries ({@code pricing_work.taps}), as JSON: an array of
 * {@code [tap id, time, station, direction, route or null]}, each tap as pricing reads it from {@code taps}.
 * The queue is written only by this gateway, so a row that does not decode is a bug, reported as such.
 */
final class QueuedTaps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueuedTaps() {
    }

    static String encode(List<StoredTap> taps) {
        List<String[]> rows = new ArrayList<>(taps.size());
        for (StoredTap tap : taps) {
            rows.add(new String[] {tap.tapId().toString(), tap.at().toString(), tap.station().value(),
                    tap.direction().code(), tap.routeId().orElse(null)});
        }
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode queued taps", e);
        }
    }

    static List<StoredTap> decode(String json) {
        try {
            String[][] rows = JSON.readValue(json, String[][].class);
            List<StoredTap> taps = new ArrayList<>(rows.length);
            for (String[] row : rows) {
                taps.add(new StoredTap(new TapId(UUID.fromString(row[0])), Instant.parse(row[1]), StationId.of(row[2]),
                        Direction.parse(row[3]), Optional.ofNullable(row[4]), null));
            }
            return taps;
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException
                 | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("a pricing_work row's taps do not decode: " + e.getMessage(), e);
        }
    }
}
