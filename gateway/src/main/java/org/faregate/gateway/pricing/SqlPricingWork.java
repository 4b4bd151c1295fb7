package org.faregate.gateway.pricing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
 * The pricing queue ({@code pricing_work}): account-days to price, each due at a time. Ingest queues a batch's
 * taps as one row per bucket ({@link AccountOwnership}) holding every account-day of that bucket in the batch;
 * scheduled repricings and retries are rows of one account-day. Rows are only added and deleted by id, so
 * work added while a pricer runs is never lost: it has a new id the pricer did not take.
 */
public final class SqlPricingWork {

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
     * An account-day of a queued row as taken by a pricer, with the taps that queued it; {@code taps} is
     * empty when the row carries none: queued by a gateway from before rows carried their taps, which a
     * pricer cannot complete its memory from. {@code shared}: the row is a batch's, holding other accounts'
     * work too, so it is finished only when all of them are.
     */
    public record Taken(long id, AccountId account, LocalDate serviceDay, Instant dueAt, int attempts,
                        Optional<List<StoredTap>> taps, boolean shared) {
        public Taken {
            taps = taps.map(List::copyOf);
        }

        /** An account-day of a row of its own (a scheduled repricing, a retry, an older gateway's row). */
        public Taken(long id, AccountId account, LocalDate serviceDay, Instant dueAt, int attempts,
                     Optional<List<StoredTap>> taps) {
            this(id, account, serviceDay, dueAt, attempts, taps, false);
        }

        /** Whether the row is due at {@code now} (else it is a repricing scheduled for later). */
        public boolean isDue(Instant now) {
            return !dueAt.isAfter(now);
        }
    }

    /** The queue's state: rows due now, rows scheduled later, rows that failed at least once. */
    public record Backlog(long due, long scheduled, long failing, Instant oldestDue) {
    }

    /**
     * Queues a batch's work: a row per bucket and due time, holding that bucket's account-days (a batch of
     * 500 taps of 500 riders is about 230 rows instead of 500, and a pricer reads them in one go).
     */
    public void add(Connection connection, Collection<Due> work) throws SQLException {
        record RowKey(int bucket, Instant dueAt) {
        }
        Map<RowKey, List<QueuedTaps.AccountDayTaps>> rows = new LinkedHashMap<>();
        for (Due due : work) {
            rows.computeIfAbsent(new RowKey(AccountOwnership.bucketOf(due.account().value()), due.dueAt()),
                    key -> new ArrayList<>()).add(new QueuedTaps.AccountDayTaps(due.account(), due.serviceDay(),
                    due.taps()));
        }
        MultiRowInsert.insert(connection, "pricing_work (bucket, due_at, taps)", 3, List.copyOf(rows.entrySet()),
                (insert, base, row) -> {
                    insert.setInt(base + 1, row.getKey().bucket());
                    Columns.setInstant(insert, base + 2, row.getKey().dueAt());
                    insert.setString(base + 3, QueuedTaps.encodeBatch(row.getValue()));
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
        MultiRowInsert.execute(connection, count -> "insert into pricing_work"
                + " (account_id, service_day, due_at, taps, bucket)"
                + " select v.account_id, v.service_day, v.due_at, v.taps, v.bucket from (values " + MultiRowInsert.rows(
                        "(cast(? as bigint), cast(? as date), cast(? as timestamp with time zone), cast(? as varchar),"
                                + " cast(? as integer))", count)
                + ") as v (account_id, service_day, due_at, taps, bucket) where not exists (select 1 from pricing_work w"
                + " where w.account_id = v.account_id and w.service_day = v.service_day and w.due_at = v.due_at)",
                5, List.copyOf(distinct.values()), (insert, base, due) -> {
                    insert.setLong(base + 1, due.account().value());
                    insert.setObject(base + 2, due.serviceDay());
                    Columns.setInstant(insert, base + 3, due.dueAt());
                    insert.setString(base + 4, QueuedTaps.encode(due.taps()));
                    insert.setInt(base + 5, AccountOwnership.bucketOf(due.account().value()));
                });
    }

    /**
     * The work of one round in the given buckets: the rows whose due work has waited longest, whole, until
     * they cover {@code accounts} accounts (the last row may take it past) or make {@code accounts} rows, and
     * every row of its own of those accounts (scheduled repricings, retries), so that the round supersedes the
     * repricings of the days it prices. Two statements: the oldest due rows, then the accounts' own rows.
     */
    public List<Taken> due(Connection connection, int[] buckets, Instant now, int accounts) throws SQLException {
        List<Taken> taken = oldestDue(connection, buckets, now, accounts);
        if (taken.isEmpty()) {
            return taken;
        }
        Set<Long> ids = new HashSet<>();
        Set<Long> covered = new LinkedHashSet<>();
        for (Taken row : taken) {
            ids.add(row.id());
            covered.add(row.account().value());
        }
        String sql = "select id, account_id, service_day, due_at, attempts, taps from pricing_work"
                + " where account_id in (" + Columns.placeholders(covered.size()) + ") order by id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (long account : covered) {
                select.setLong(index++, account);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (!ids.contains(row.getLong(1))) {
                        taken.add(ownRow(row));
                    }
                }
            }
        }
        return taken;
    }

    /**
     * The due rows of the buckets in due-time order (its index, so the cost follows the rows read, not the
     * rows scheduled for later), as their account-days, until {@code accounts} accounts are covered or
     * {@code accounts} rows read. A row without a bucket was queued by a gateway from before batch rows, for
     * one account: its bucket is its account's.
     */
    private static List<Taken> oldestDue(Connection connection, int[] buckets, Instant now, int accounts)
            throws SQLException {
        if (buckets.length == 0) {
            return new ArrayList<>();
        }
        boolean all = buckets.length == AccountOwnership.BUCKETS;
        String sql = "select id, account_id, service_day, due_at, attempts, taps from pricing_work where due_at <= ?"
                + (all ? "" : " and coalesce(bucket, mod(account_id, " + AccountOwnership.BUCKETS + ")) in ("
                        + Columns.placeholders(buckets.length) + ")")
                + " order by due_at, id limit ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            Columns.setInstant(select, index++, now);
            if (!all) {
                for (int bucket : buckets) {
                    select.setInt(index++, bucket);
                }
            }
            select.setInt(index, accounts);
            try (ResultSet row = select.executeQuery()) {
                List<Taken> taken = new ArrayList<>();
                Set<AccountId> covered = new HashSet<>();
                while (covered.size() < accounts && row.next()) {
                    List<Taken> parts = row.getObject(2) == null ? batchRow(row) : List.of(ownRow(row));
                    parts.forEach(part -> covered.add(part.account()));
                    taken.addAll(parts);
                }
                return taken;
            }
        }
    }

    /** The account-days of a batch's row (columns as in {@link #oldestDue}). */
    private static List<Taken> batchRow(ResultSet row) throws SQLException {
        long id = row.getLong(1);
        Instant dueAt = Columns.getInstant(row, "due_at");
        int attempts = row.getInt(5);
        List<Taken> parts = new ArrayList<>();
        for (QueuedTaps.AccountDayTaps part : QueuedTaps.decodeBatch(row.getString(6))) {
            parts.add(new Taken(id, part.account(), part.serviceDay(), dueAt, attempts, Optional.of(part.taps()), true));
        }
        return parts;
    }

    /** A row of one account-day (columns as in {@link #oldestDue}). */
    private static Taken ownRow(ResultSet row) throws SQLException {
        String taps = row.getString(6);
        return new Taken(row.getLong(1), AccountId.of(row.getLong(2)), row.getObject(3, LocalDate.class),
                Columns.getInstant(row, "due_at"), row.getInt(5), Optional.ofNullable(taps).map(QueuedTaps::decode));
    }

    /** Deletes the rows a pricer took and finished, by id: a statement per {@link #DELETE_CHUNK} rows. */
    public void done(Connection connection, Collection<Taken> finished) throws SQLException {
        List<Long> rows = finished.stream().map(Taken::id).distinct().toList();
        for (int from = 0; from < rows.size(); from += DELETE_CHUNK) {
            List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + DELETE_CHUNK));
            String sql = "delete from pricing_work where id in (" + Columns.placeholders(chunk.size()) + ")";
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    delete.setLong(i + 1, chunk.get(i));
                }
                delete.executeUpdate();
            }
        }
    }

    /**
     * Puts an account's failed work back, due again at {@code retryAt}, with the failure: its own rows are
     * updated; its part of batch rows is queued as rows of its own, carrying the same taps (the batch rows
     * are the caller's to delete once the batch's other accounts are done).
     */
    public void failed(Connection connection, Collection<Taken> rows, Instant retryAt, String error)
            throws SQLException {
        String sql = "update pricing_work set attempts = attempts + 1, due_at = ?, last_error = ? where id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Taken taken : rows) {
                if (!taken.shared()) {
                    Columns.setInstant(update, 1, retryAt);
                    update.setString(2, Columns.fit(error, 500));
                    update.setLong(3, taken.id());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        record AccountDay(AccountId account, LocalDate serviceDay) {
        }
        Map<AccountDay, List<StoredTap>> retries = new LinkedHashMap<>();
        for (Taken taken : rows) {
            if (taken.shared()) {
                retries.computeIfAbsent(new AccountDay(taken.account(), taken.serviceDay()), key -> new ArrayList<>())
                        .addAll(taken.taps().orElseThrow());
            }
        }
        MultiRowInsert.insert(connection,
                "pricing_work (account_id, service_day, bucket, due_at, attempts, last_error, taps)", 7,
                List.copyOf(retries.entrySet()), (insert, base, retry) -> {
                    long account = retry.getKey().account().value();
                    insert.setLong(base + 1, account);
                    insert.setObject(base + 2, retry.getKey().serviceDay());
                    insert.setInt(base + 3, AccountOwnership.bucketOf(account));
                    Columns.setInstant(insert, base + 4, retryAt);
                    insert.setInt(base + 5, 1);
                    insert.setString(base + 6, Columns.fit(error, 500));
                    insert.setString(base + 7, QueuedTaps.encode(retry.getValue()));
                });
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
