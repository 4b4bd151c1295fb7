package org.faregate.gateway.pricing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.faregate.cluster.AccountOwnership;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.MultiRowInsert;
import org.faregate.protocol.AccountId;

/**
 * The pricing queue ({@code pricing_work}): account-days to price, each due at a time. Rows are only
 * added and deleted by id, so work added while a pricer runs is never lost: it has a new id the pricer
 * did not take.
 */
public final class SqlPricingWork {

    /**
     * Queue rows read to find the accounts of one round, per account wanted: an account usually has a few
     * rows queued (one per batch that carried its taps), so this finds the accounts in one short read.
     */
    private static final int ROWS_READ_PER_ACCOUNT = 4;
    /**
     * Queue rows deleted per statement. An {@code in} list of ids rather than {@code id = any (?)} with an
     * array: H2, the embedded database, does not use the primary key for {@code any} over an array parameter
     * and scans the table instead (three to four times slower for a round's lists, measured).
     */
    private static final int DELETE_CHUNK = 1_000;

    /**
     * An account-day to price at {@code dueAt}, with the new taps that queued it (stored in the same
     * transaction; none for a scheduled repricing).
     */
    public record Due(AccountId account, LocalDate serviceDay, Instant dueAt, List<StoredTap> taps) {
        public Due {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(serviceDay, "serviceDay");
            Objects.requireNonNull(dueAt, "dueAt");
            taps = List.copyOf(taps);
        }

        /** A repricing scheduled for {@code dueAt}. */
        public Due(AccountId account, LocalDate serviceDay, Instant dueAt) {
            this(account, serviceDay, dueAt, List.of());
        }
    }

    /**
     * A queued row as taken by a pricer, with the taps that queued it; {@code taps} is empty when the row
     * carries none: queued by a gateway from before rows carried their taps, which a pricer cannot complete
     * its memory from.
     */
    public record Taken(long id, AccountId account, LocalDate serviceDay, Instant dueAt, int attempts,
                        Optional<List<StoredTap>> taps) {
        public Taken {
            taps = taps.map(List::copyOf);
        }

        /** Whether the row is due at {@code now} (else it is a repricing scheduled for later). */
        public boolean isDue(Instant now) {
            return !dueAt.isAfter(now);
        }
    }

    /** The queue's state: rows due now, rows scheduled later, rows that failed at least once. */
    public record Backlog(long due, long scheduled, long failing, Instant oldestDue) {
    }

    /** Adds the rows (multi-row inserts). */
    public void add(Connection connection, Collection<Due> work) throws SQLException {
        MultiRowInsert.insert(connection, "pricing_work (account_id, service_day, due_at, taps)", 4, List.copyOf(work),
                (insert, base, due) -> {
                    insert.setLong(base + 1, due.account().value());
                    insert.setObject(base + 2, due.serviceDay());
                    Columns.setInstant(insert, base + 3, due.dueAt());
                    insert.setString(base + 4, QueuedTaps.encode(due.taps()));
                });
    }

    /**
     * Schedules repricings (journeys in progress, at their deadlines); a repricing already scheduled for
     * the same account, day and time is not added twice. A statement per hundred repricings (one each cost
     * PostgreSQL 24 µs, 200,000 of them in a 1.4-million-tap run).
     */
    public void schedule(Connection connection, Collection<Due> work) throws SQLException {
        Map<List<Object>, Due> distinct = new LinkedHashMap<>();
        for (Due due : work) {
            distinct.putIfAbsent(List.of(due.account(), due.serviceDay(), due.dueAt()), due);
        }
        MultiRowInsert.execute(connection, count -> "insert into pricing_work (account_id, service_day, due_at, taps)"
                + " select v.account_id, v.service_day, v.due_at, v.taps from (values " + MultiRowInsert.rows(
                        "(cast(? as bigint), cast(? as date), cast(? as timestamp with time zone), cast(? as varchar))",
                        count)
                + ") as v (account_id, service_day, due_at, taps) where not exists (select 1 from pricing_work w"
                + " where w.account_id = v.account_id and w.service_day = v.service_day and w.due_at = v.due_at)",
                4, List.copyOf(distinct.values()), (insert, base, due) -> {
                    insert.setLong(base + 1, due.account().value());
                    insert.setObject(base + 2, due.serviceDay());
                    Columns.setInstant(insert, base + 3, due.dueAt());
                    insert.setString(base + 4, QueuedTaps.encode(due.taps()));
                });
    }

    /**
     * The queued rows of the {@code accounts} accounts in the given buckets whose due work has waited
     * longest: every row of each, so one pricing covers all the batches that queued work for it, and the
     * rows scheduled later come too, for the round to supersede those of the days it prices. Two
     * statements: pick the accounts, then read their rows.
     */
    public List<Taken> due(Connection connection, int[] buckets, Instant now, int accounts) throws SQLException {
        List<Long> picked = dueAccounts(connection, buckets, now, accounts);
        if (picked.isEmpty()) {
            return List.of();
        }
        String sql = "select id, account_id, service_day, due_at, attempts, taps from pricing_work"
                + " where account_id in (" + Columns.placeholders(picked.size()) + ") order by id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (long account : picked) {
                select.setLong(index++, account);
            }
            try (ResultSet row = select.executeQuery()) {
                List<Taken> taken = new ArrayList<>();
                while (row.next()) {
                    String taps = row.getString(6);
                    taken.add(new Taken(row.getLong(1), AccountId.of(row.getLong(2)), row.getObject(3, LocalDate.class),
                            Columns.getInstant(row, "due_at"), row.getInt(5),
                            Optional.ofNullable(taps).map(QueuedTaps::decode)));
                }
                return taken;
            }
        }
    }

    /**
     * The accounts with work due, in the given buckets, oldest due work first: reads the due rows in due-time
     * order (its index, so the cost follows the rows read, not the rows scheduled for later) and keeps each
     * account once.
     */
    private static List<Long> dueAccounts(Connection connection, int[] buckets, Instant now, int limit)
            throws SQLException {
        if (buckets.length == 0) {
            return List.of();
        }
        boolean all = buckets.length == AccountOwnership.BUCKETS;
        String sql = "select account_id from pricing_work where due_at <= ?"
                + (all ? "" : " and mod(account_id, " + AccountOwnership.BUCKETS + ") in ("
                        + Columns.placeholders(buckets.length) + ")")
                + " order by due_at limit ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            Columns.setInstant(select, index++, now);
            if (!all) {
                for (int bucket : buckets) {
                    select.setInt(index++, bucket);
                }
            }
            select.setInt(index, limit * ROWS_READ_PER_ACCOUNT);
            try (ResultSet row = select.executeQuery()) {
                Set<Long> accounts = new LinkedHashSet<>();
                while (row.next() && accounts.size() < limit) {
                    accounts.add(row.getLong(1));
                }
                return List.copyOf(accounts);
            }
        }
    }

    /** Deletes the rows a pricer took and finished, by id: a statement per {@link #DELETE_CHUNK} rows. */
    public void done(Connection connection, Collection<Taken> finished) throws SQLException {
        List<Taken> rows = List.copyOf(finished);
        for (int from = 0; from < rows.size(); from += DELETE_CHUNK) {
            List<Taken> chunk = rows.subList(from, Math.min(rows.size(), from + DELETE_CHUNK));
            String sql = "delete from pricing_work where id in (" + Columns.placeholders(chunk.size()) + ")";
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    delete.setLong(i + 1, chunk.get(i).id());
                }
                delete.executeUpdate();
            }
        }
    }

    /** Puts failed rows back, due again at {@code retryAt}, with the failure. */
    public void failed(Connection connection, Collection<Taken> rows, Instant retryAt, String error)
            throws SQLException {
        String sql = "update pricing_work set attempts = attempts + 1, due_at = ?, last_error = ? where id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Taken taken : rows) {
                Columns.setInstant(update, 1, retryAt);
                update.setString(2, Columns.fit(error, 500));
                update.setLong(3, taken.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    public Backlog backlog(Connection connection, Instant now) throws SQLException {
        String sql = "select coalesce(sum(case when due_at <= ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when due_at > ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when attempts > 0 then 1 else 0 end), 0),"
                + " min(case when due_at <= ? then due_at end) as oldest_due from pricing_work";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Columns.setInstant(select, 1, now);
            Columns.setInstant(select, 2, now);
            Columns.setInstant(select, 3, now);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Backlog(row.getLong(1), row.getLong(2), row.getLong(3),
                        Columns.getInstant(row, "oldest_due"));
            }
        }
    }
}
