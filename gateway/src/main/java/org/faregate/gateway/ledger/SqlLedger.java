package org.faregate.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.faregate.gateway.sql.Columns;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.Accounts.LedgerEntry;

/**
 * The wallet ledger: append-only entries in {@code ledger_entries}. Callers hold the account's row lock,
 * so the entries and the account balance change together in one transaction.
 */
public final class SqlLedger {

    private static final String COLUMNS = "id, kind, amount_minor, currency, tap_id, explanation, created_at";

    /** Appends the entry; returns its id. */
    public long post(Connection connection, LedgerPosting posting) throws SQLException {
        String sql = "insert into ledger_entries (account_id, kind, amount_minor, currency, tap_id, reference,"
                + " explanation, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            insert.setLong(1, posting.account().value());
            insert.setString(2, posting.kind().code());
            insert.setLong(3, posting.amountMinor());
            insert.setString(4, posting.currency().getCurrencyCode());
            if (posting.tapId() == null) {
                insert.setNull(5, Types.OTHER);
            } else {
                insert.setObject(5, posting.tapId().value());
            }
            insert.setString(6, posting.reference());
            insert.setString(7, Columns.fit(posting.explanation(), 500));
            Columns.setInstant(insert, 8, posting.at());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for the ledger entry");
                }
                return keys.getLong(1);
            }
        }
    }

    /** The entry an earlier top-up with this reference made. */
    public Optional<LedgerEntry> findByReference(Connection connection, AccountId account, String reference)
            throws SQLException {
        String sql = "select " + COLUMNS + " from ledger_entries where account_id = ? and reference = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, account.value());
            select.setString(2, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        }
    }

    /** Every entry of the account, oldest first. */
    public List<LedgerEntry> entries(Connection connection, AccountId account) throws SQLException {
        String sql = "select " + COLUMNS + " from ledger_entries where account_id = ? order by id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, account.value());
            try (ResultSet row = select.executeQuery()) {
                List<LedgerEntry> entries = new ArrayList<>();
                while (row.next()) {
                    entries.add(entry(row));
                }
                return entries;
            }
        }
    }

    private static LedgerEntry entry(ResultSet row) throws SQLException {
        UUID tap = Columns.getUuid(row, "tap_id");
        return new LedgerEntry(row.getLong("id"), row.getString("kind"), row.getLong("amount_minor"),
                row.getString("currency").trim(), tap == null ? null : new TapId(tap), row.getString("explanation"),
                Columns.getInstant(row, "created_at"));
    }
}
