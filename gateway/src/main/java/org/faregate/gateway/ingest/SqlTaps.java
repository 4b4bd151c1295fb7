package org.faregate.gateway.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.faregate.gateway.pricing.PeriodPricer.Repricing;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.sql.Columns;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;

/** Stored taps ({@code taps}, each exactly once) and the current charge of each priced tap ({@code tap_charges}). */
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
                if (tap.credentialId() == null) {
                    insert.setNull(7, Types.OTHER);
                } else {
                    insert.setObject(7, tap.credentialId().value());
                }
                if (tap.accountId() == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, tap.accountId().value());
                }
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

    /** The accepted taps of one account in one service day, with their current charges. */
    List<StoredTap> acceptedTaps(Connection connection, AccountId account, LocalDate serviceDay) throws SQLException {
        return acceptedTaps(connection, account, serviceDay, serviceDay);
    }

    /** The account's accepted taps of the service days {@code first} to {@code last}, inclusive, in time order. */
    List<StoredTap> acceptedTaps(Connection connection, AccountId account, LocalDate first, LocalDate last)
            throws SQLException {
        String sql = "select t.tap_id, t.tapped_at, t.station_id, t.direction, t.route_id, c.charged_minor"
                + " from taps t left join tap_charges c on c.tap_id = t.tap_id"
                + " where t.account_id = ? and t.service_day between ? and ? and t.reason = ?"
                + " order by t.tapped_at, t.tap_id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, account.value());
            select.setObject(2, first);
            select.setObject(3, last);
            select.setString(4, Reason.ACCEPTED.code());
            try (ResultSet row = select.executeQuery()) {
                List<StoredTap> taps = new ArrayList<>();
                while (row.next()) {
                    taps.add(new StoredTap(new TapId(Columns.getUuid(row, "tap_id")), Columns.getInstant(row, "tapped_at"),
                            StationId.of(row.getString("station_id")), Direction.parse(row.getString("direction")),
                            Optional.ofNullable(row.getString("route_id")), Columns.getNullableLong(row, "charged_minor")));
                }
                return taps;
            }
        }
    }

    /** The service days after {@code after}, up to and including {@code last}, on which the account has accepted taps. */
    List<LocalDate> daysWithAcceptedTaps(Connection connection, AccountId account, LocalDate after, LocalDate last)
            throws SQLException {
        String sql = "select distinct service_day from taps where account_id = ? and service_day > ?"
                + " and service_day <= ? and reason = ? order by service_day";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, account.value());
            select.setObject(2, after);
            select.setObject(3, last);
            select.setString(4, Reason.ACCEPTED.code());
            try (ResultSet row = select.executeQuery()) {
                List<LocalDate> days = new ArrayList<>();
                while (row.next()) {
                    days.add(row.getObject(1, LocalDate.class));
                }
                return days;
            }
        }
    }

    /** Records a tap's new current charge. */
    void recordCharge(Connection connection, AccountId account, LocalDate serviceDay, Repricing repricing)
            throws SQLException {
        String explanation = Columns.fit(repricing.explanation(), 500);
        if (repricing.recorded()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update tap_charges set charged_minor = ?, explanation = ? where tap_id = ?")) {
                update.setLong(1, repricing.newMinor());
                update.setString(2, explanation);
                update.setObject(3, repricing.tapId().value());
                update.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into tap_charges"
                + " (tap_id, account_id, service_day, charged_minor, explanation) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, repricing.tapId().value());
            insert.setLong(2, account.value());
            insert.setObject(3, serviceDay);
            insert.setLong(4, repricing.newMinor());
            insert.setString(5, explanation);
            insert.executeUpdate();
        }
    }
}
