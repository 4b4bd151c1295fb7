package org.faregate.gateway.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.faregate.gateway.sql.Columns;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;

/** Stored taps ({@code taps}): each exactly once. */
final class SqlTaps {

    /** A tap with the service day it belongs to. */
    record DatedTap(TapRecord tap, LocalDate serviceDay) {
    }

    /**
     * Inserts the taps not stored yet and returns the ids of those it inserted. Inserts in tap-id order,
     * so two transactions holding overlapping batches wait for each other instead of deadlocking.
     */
    Set<TapId> insertNew(Connection connection, List<DatedTap> taps, Instant receivedAt) throws SQLException {
        List<DatedTap> ordered = new ArrayList<>(taps);
        ordered.sort(Comparator.comparing(dated -> dated.tap().tapId().value()));
        String sql = "insert into taps (tap_id, gate_id, station_id, direction, tapped_at, channel, credential_id,"
                + " account_id, reason, service_day, received_at, route_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (DatedTap dated : ordered) {
                TapRecord tap = dated.tap();
                insert.setObject(1, tap.tapId().value());
                insert.setString(2, tap.gateId().value());
                insert.setString(3, tap.stationId().value());
                insert.setString(4, tap.direction().code());
                Columns.setInstant(insert, 5, tap.at());
                insert.setString(6, tap.channel());
                Columns.setNullableUuid(insert, 7, tap.credentialId() == null ? null : tap.credentialId().value());
                Columns.setNullableLong(insert, 8, tap.accountId() == null ? null : tap.accountId().value());
                insert.setString(9, tap.reason().code());
                insert.setObject(10, dated.serviceDay());
                Columns.setInstant(insert, 11, receivedAt);
                insert.setString(12, tap.routeId());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            Set<TapId> inserted = new HashSet<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    inserted.add(ordered.get(i).tap().tapId());
                } else if (counts[i] != 0) {
                    throw new SQLException("driver reported " + counts[i] + " rows for one tap insert");
                }
            }
            return inserted;
        }
    }
}
