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
import org.faregate.gateway.admin.ReconciliationReport.BookTotal;
import org.faregate.gateway.admin.ReconciliationReport.CurrencyTotals;
import org.faregate.gateway.admin.ReconciliationReport.UnbalancedTransaction;
import org.faregate.gateway.ledger.Book;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.Reason;

/**
 * Checks that the double-entry ledger balances and that balances and tap charges agree with it, on one
 * consistent snapshot (docs/ledger.md). Blocking.
 */
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
        long wallets;
        long topUps;
        long fares;
        long adjustments;
        long refunds;
        long postings;
        long tapCharges;

        boolean balanced() {
            return balances == wallets && tapCharges == fares && postings == 0;
        }
    }

    private static ReconciliationReport report(Connection connection) throws SQLException {
        Map<String, Sums> sums = new TreeMap<>();
        query(connection, "select currency, count(*), coalesce(sum(balance_minor), 0) from accounts group by currency",
                row -> {
                    Sums s = sums.computeIfAbsent(row.getString(1).trim(), c -> new Sums());
                    s.accounts = row.getLong(2);
                    s.balances = row.getLong(3);
                });
        List<BookTotal> books = new ArrayList<>();
        query(connection, "select currency, book, sum(amount_minor) from ledger_postings group by currency, book"
                + " order by currency, book", row -> {
                    BookTotal total = new BookTotal(row.getString(1).trim(), row.getString(2), row.getLong(3));
                    books.add(total);
                    add(sums.computeIfAbsent(total.currency(), c -> new Sums()), total);
                });
        query(connection, "select a.currency, sum(c.charged_minor) from tap_charges c join accounts a on a.id = c.account_id"
                + " group by a.currency", row -> sums.computeIfAbsent(row.getString(1).trim(), c -> new Sums())
                .tapCharges = row.getLong(2));
        List<AccountMismatch> mismatches = new ArrayList<>();
        query(connection, "select a.id, a.currency, a.balance_minor, coalesce(sum(p.amount_minor), 0) as ledger"
                + " from accounts a left join ledger_postings p on p.account_id = a.id and p.book = 'wallet'"
                + " group by a.id, a.currency, a.balance_minor"
                + " having a.balance_minor <> coalesce(sum(p.amount_minor), 0) order by a.id", row -> mismatches.add(
                new AccountMismatch(row.getLong(1), row.getString(2).trim(), row.getLong(3), row.getLong(4))));
        List<UnbalancedTransaction> unbalanced = new ArrayList<>();
        query(connection, "select transaction_id, currency, sum(amount_minor) from ledger_postings"
                + " group by transaction_id, currency having sum(amount_minor) <> 0 order by transaction_id"
                + " limit " + ReconciliationReport.MAX_LISTED, row -> unbalanced.add(new UnbalancedTransaction(
                        row.getObject(1).toString(), row.getString(2).trim(), row.getLong(3))));
        long[] orphans = new long[1];
        query(connection, "select count(*) from ledger_postings p"
                + " left join ledger_transactions t on t.id = p.transaction_id"
                + " left join accounts a on a.id = p.account_id"
                + " where t.id is null or (p.account_id is not null and a.id is null)",
                row -> orphans[0] = row.getLong(1));
        List<CurrencyTotals> totals = new ArrayList<>();
        boolean balanced = mismatches.isEmpty() && unbalanced.isEmpty() && orphans[0] == 0;
        for (Map.Entry<String, Sums> entry : sums.entrySet()) {
            Sums s = entry.getValue();
            balanced &= s.balanced();
            totals.add(new CurrencyTotals(entry.getKey(), s.accounts, s.balances, s.wallets, s.topUps, s.fares,
                    s.adjustments, s.tapCharges, s.balanced(), s.refunds, s.postings));
        }
        long[] counts = new long[3];
        query(connection, "select count(*), coalesce(sum(case when reason = '" + Reason.ACCEPTED.code()
                + "' then 1 else 0 end), 0) from taps", row -> {
                    counts[0] = row.getLong(1);
                    counts[1] = row.getLong(2);
                });
        query(connection, "select count(*) from tap_charges where charged_minor <> 0", row -> counts[2] = row.getLong(1));
        return new ReconciliationReport(balanced, totals, mismatches, counts[0], counts[1], counts[2], unbalanced, books,
                orphans[0]);
    }

    /** Reads one book's total into its currency's sums, signed as money into (+) or out of (-) wallets. */
    private static void add(Sums s, BookTotal total) {
        long amount = total.totalMinor();
        s.postings = Math.addExact(s.postings, amount);
        switch (Book.parse(total.book())) {
            case WALLET -> s.wallets = amount;
            case TOP_UP_CLEARING -> s.topUps = Math.negateExact(amount);
            case FARE_REVENUE -> s.fares = amount;
            case ADJUSTMENTS -> s.adjustments = Math.negateExact(amount);
            case REFUNDS_PAYABLE -> s.refunds = amount;
        }
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
