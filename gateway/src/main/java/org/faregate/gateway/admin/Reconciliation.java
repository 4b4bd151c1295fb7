package org.faregate.gateway.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.faregate.gateway.admin.ReconciliationReport.AccountMismatch;
import org.faregate.gateway.admin.ReconciliationReport.CurrencyTotals;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.Reason;

/** Checks that balances agree with the append-only ledger, on one consistent snapshot. Blocking. */
public final class Reconciliation {

    private final Database database;

    public Reconciliation(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public ReconciliationReport report() {
        return database.inSnapshot(Reconciliation::report);
    }

    private static final class Sums {
        long accounts;
        long balances;
        long ledger;
        long topUps;
        long fares;
        long adjustments;
        long tapCharges;
    }

    private static ReconciliationReport report(Connection connection) throws SQLException {
        Map<String, Sums> sums = new TreeMap<>();
        query(connection, "select currency, count(*), coalesce(sum(balance_minor), 0) from accounts group by currency",
                row -> {
                    Sums s = sums.computeIfAbsent(row.getString(1).trim(), c -> new Sums());
                    s.accounts = row.getLong(2);
                    s.balances = row.getLong(3);
                });
        query(connection, "select currency, kind, sum(amount_minor) from ledger_entries group by currency, kind", row -> {
            Sums s = sums.computeIfAbsent(row.getString(1).trim(), c -> new Sums());
            long amount = row.getLong(3);
            s.ledger = Math.addExact(s.ledger, amount);
            switch (row.getString(2)) {
                case "top_up" -> s.topUps = amount;
                case "fare" -> s.fares = Math.negateExact(amount);
                default -> s.adjustments = Math.addExact(s.adjustments, amount);
            }
        });
        query(connection, "select a.currency, sum(c.charged_minor) from tap_charges c join accounts a on a.id = c.account_id"
                + " group by a.currency", row -> sums.computeIfAbsent(row.getString(1).trim(), c -> new Sums())
                .tapCharges = row.getLong(2));
        List<AccountMismatch> mismatches = new ArrayList<>();
        query(connection, "select a.id, a.currency, a.balance_minor, coalesce(sum(l.amount_minor), 0) as ledger"
                + " from accounts a left join ledger_entries l on l.account_id = a.id"
                + " group by a.id, a.currency, a.balance_minor"
                + " having a.balance_minor <> coalesce(sum(l.amount_minor), 0) order by a.id", row -> mismatches.add(
                new AccountMismatch(row.getLong(1), row.getString(2).trim(), row.getLong(3), row.getLong(4))));
        List<CurrencyTotals> totals = new ArrayList<>();
        boolean balanced = mismatches.isEmpty();
        for (Map.Entry<String, Sums> entry : sums.entrySet()) {
            Sums s = entry.getValue();
            boolean ok = s.balances == s.ledger && s.tapCharges == s.fares;
            balanced &= ok;
            totals.add(new CurrencyTotals(entry.getKey(), s.accounts, s.balances, s.ledger, s.topUps, s.fares,
                    s.adjustments, s.tapCharges, ok));
        }
        long[] counts = new long[3];
        query(connection, "select count(*), coalesce(sum(case when reason = '" + Reason.ACCEPTED.code()
                + "' then 1 else 0 end), 0) from taps", row -> {
                    counts[0] = row.getLong(1);
                    counts[1] = row.getLong(2);
                });
        query(connection, "select count(*) from tap_charges where charged_minor <> 0", row -> counts[2] = row.getLong(1));
        return new ReconciliationReport(balanced, totals, mismatches, counts[0], counts[1], counts[2]);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                reader.read(row);
            }
        }
    }
}
