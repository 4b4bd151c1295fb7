package org.faregate.gateway.pricing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.faregate.gateway.pricing.PeriodPricer.Repricing;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.MultiRowInsert;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;

/** The accepted taps pricing reads ({@code taps}) and the current charge of each priced tap ({@code tap_charges}). */
final class SqlTapCharges {

    /** A tap's new current charge, to write. */
    record ChargeWrite(AccountId account, LocalDate serviceDay, Repricing repricing) {
    }

    /**
     * The accepted taps of the given accounts on the service days {@code first} to {@code last} inclusive,
     * with their current charges: by account, then by day, each day's taps in time order. One statement.
     */
    Map<AccountId, NavigableMap<LocalDate, List<StoredTap>>> acceptedTaps(Connection connection,
            Collection<AccountId> accounts, LocalDate first, LocalDate last) throws SQLException {
        Map<AccountId, NavigableMap<LocalDate, List<StoredTap>>> byAccount = new HashMap<>();
        if (accounts.isEmpty()) {
            return byAccount;
        }
        // The charge is looked up per tap (its primary key) rather than joined: PostgreSQL joined by
        // hashing the whole tap_charges table, a cost that grew with every tap ever charged.
        String sql = "select t.account_id, t.service_day, t.tap_id, t.tapped_at, t.station_id, t.direction,"
                + " t.route_id, (select c.charged_minor from tap_charges c where c.tap_id = t.tap_id) as charged_minor"
                + " from taps t where t.account_id in (" + Columns.placeholders(accounts.size()) + ")"
                + " and t.service_day between ? and ? and t.reason = ?"
                + " order by t.account_id, t.tapped_at, t.tap_id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (AccountId account : accounts) {
                select.setLong(index++, account.value());
            }
            select.setObject(index++, first);
            select.setObject(index++, last);
            select.setString(index, Reason.ACCEPTED.code());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    StoredTap tap = new StoredTap(new TapId(Columns.getUuid(row, "tap_id")),
                            Columns.getInstant(row, "tapped_at"), StationId.of(row.getString("station_id")),
                            Direction.parse(row.getString("direction")), Optional.ofNullable(row.getString("route_id")),
                            Columns.getNullableLong(row, "charged_minor"));
                    byAccount.computeIfAbsent(AccountId.of(row.getLong("account_id")), id -> new TreeMap<>())
                            .computeIfAbsent(row.getObject("service_day", LocalDate.class), day -> new ArrayList<>())
                            .add(tap);
                }
            }
        }
        return byAccount;
    }

    /**
     * Records new current charges: first charges inserted, changed ones merged, a statement per hundred
     * rows each (a statement per changed charge cost PostgreSQL 12 µs each, 384,000 of them in a
     * 1.4-million-tap run).
     */
    void write(Connection connection, List<ChargeWrite> writes) throws SQLException {
        List<ChargeWrite> inserts = new ArrayList<>();
        List<ChargeWrite> updates = new ArrayList<>();
        for (ChargeWrite write : writes) {
            (write.repricing().recorded() ? updates : inserts).add(write);
        }
        long updated = MultiRowInsert.execute(connection, count -> "merge into tap_charges c using (values "
                + MultiRowInsert.rows("(cast(? as uuid), cast(? as bigint), cast(? as varchar(500)))", count)
                + ") as v (tap_id, charged_minor, explanation) on c.tap_id = v.tap_id"
                + " when matched then update set charged_minor = v.charged_minor, explanation = v.explanation",
                3, updates, (merge, base, write) -> {
                    merge.setObject(base + 1, write.repricing().tapId().value());
                    merge.setLong(base + 2, write.repricing().newMinor());
                    merge.setString(base + 3, Columns.fit(write.repricing().explanation(), 500));
                });
        if (updated != updates.size()) {
            throw new SQLException("a priced tap's charge vanished: " + updated + " of " + updates.size() + " updated");
        }
        MultiRowInsert.insert(connection, "tap_charges (tap_id, account_id, service_day, charged_minor, explanation)", 5,
                inserts, (insert, base, write) -> {
                    insert.setObject(base + 1, write.repricing().tapId().value());
                    insert.setLong(base + 2, write.account().value());
                    insert.setObject(base + 3, write.serviceDay());
                    insert.setLong(base + 4, write.repricing().newMinor());
                    insert.setString(base + 5, Columns.fit(write.repricing().explanation(), 500));
                });
    }
}
