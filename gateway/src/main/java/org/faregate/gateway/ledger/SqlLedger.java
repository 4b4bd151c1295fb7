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
import org.faregate.gateway.sql.MultiRowInsert;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.Accounts.LedgerEntry;

/**
 * The double-entry ledger: append-only transactions in {@code ledger_transactions}, each with postings in
 * {@code ledger_postings} that sum to zero per currency (docs/ledger.md). Callers hold the account's row
 * lock, so the postings and the account balance change together in one transaction.
 */
public final class SqlLedger {

    private static final String TRANSACTION_COLUMNS = "ledger_transactions (id, kind, account_id, tap_id,"
            + " reference, reason, note, actor, explanation, created_at, legacy_entry_id)";
    private static final String POSTING_COLUMNS = "ledger_postings (transaction_id, book, account_id, amount_minor,"
            + " currency)";

    private record Transaction(UUID id, LedgerPosting posting, Long legacyId) {
    }

    private record TransactionLeg(UUID transaction, Leg leg) {
    }
    private static final String WALLET_SIDE = "select p.id, t.id as transaction_id, t.kind, p.amount_minor, p.currency,"
            + " t.tap_id, t.reference, t.reason, t.note, t.actor, t.explanation, t.created_at"
            + " from ledger_postings p join ledger_transactions t on t.id = p.transaction_id"
            + " where p.book = 'wallet' and p.account_id = ?";

    /** Records one movement as a transaction; returns the transaction's id. */
    public UUID post(Connection connection, LedgerPosting posting) throws SQLException {
        return postAll(connection, List.of(posting)).get(0);
    }

    /**
     * Records every movement, each as its own transaction, with multi-row inserts, one statement per hundred rows;
     * returns the transaction ids in the order of the postings.
     */
    public List<UUID> postAll(Connection connection, List<LedgerPosting> postings) throws SQLException {
        return insert(connection, postings, null);
    }

    /**
     * Writes the transactions and their legs: one batch each.
     *
     * @param legacyIds the {@code ledger_entries} id each posting was migrated from, or null for new ones
     */
    List<UUID> insert(Connection connection, List<LedgerPosting> postings, List<Long> legacyIds) throws SQLException {
        if (postings.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(postings.size());
        List<Transaction> transactions = new ArrayList<>(postings.size());
        List<TransactionLeg> legs = new ArrayList<>(postings.size() * 2);
        for (int i = 0; i < postings.size(); i++) {
            LedgerPosting posting = postings.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            transactions.add(new Transaction(id, posting, legacyIds == null ? null : legacyIds.get(i)));
            for (Leg leg : posting.legs()) {
                legs.add(new TransactionLeg(id, leg));
            }
        }
        MultiRowInsert.insert(connection, TRANSACTION_COLUMNS, 11, transactions,
                (insert, base, row) -> bindTransaction(insert, base, row.id(), row.posting(), row.legacyId()));
        MultiRowInsert.insert(connection, POSTING_COLUMNS, 5, legs, (insert, base, row) -> {
            insert.setObject(base + 1, row.transaction());
            insert.setString(base + 2, row.leg().book().code());
            if (row.leg().account() == null) {
                insert.setNull(base + 3, Types.BIGINT);
            } else {
                insert.setLong(base + 3, row.leg().account().value());
            }
            insert.setLong(base + 4, row.leg().amountMinor());
            insert.setString(base + 5, row.leg().currency().getCurrencyCode());
        });
        return ids;
    }

    private static void bindTransaction(PreparedStatement insert, int base, UUID id, LedgerPosting posting,
                                        Long legacyId)
            throws SQLException {
        insert.setObject(base + 1, id);
        insert.setString(base + 2, posting.kind().code());
        insert.setLong(base + 3, posting.account().value());
        if (posting.tapId() == null) {
            insert.setNull(base + 4, Types.OTHER);
        } else {
            insert.setObject(base + 4, posting.tapId().value());
        }
        insert.setString(base + 5, posting.reference());
        Correction correction = posting.correction();
        insert.setString(base + 6, correction == null ? null : correction.reason().code());
        insert.setString(base + 7, correction == null || correction.note() == null ? null : Columns.fit(correction.note(), 500));
        insert.setString(base + 8, correction == null ? null : Columns.fit(correction.actor(), 128));
        insert.setString(base + 9, Columns.fit(posting.explanation(), 500));
        Columns.setInstant(insert, base + 10, posting.at());
        if (legacyId == null) {
            insert.setNull(base + 11, Types.BIGINT);
        } else {
            insert.setLong(base + 11, legacyId);
        }
    }

    /** The transaction an earlier request with this reference made on the account. */
    public Optional<RecordedTransaction> findByReference(Connection connection, AccountId account, String reference)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(WALLET_SIDE + " and t.reference = ?")) {
            select.setLong(1, account.value());
            select.setString(2, reference);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordedTransaction(Columns.getUuid(row, "transaction_id"),
                        EntryKind.parse(row.getString("kind")), row.getLong("amount_minor"),
                        row.getString("currency").trim(), row.getString("reference"), row.getString("reason"),
                        row.getString("note"), row.getString("actor"), Columns.getInstant(row, "created_at")));
            }
        }
    }

    /** The wallet side of every transaction of the account, oldest first: the rider's history. */
    public List<LedgerEntry> entries(Connection connection, AccountId account) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(WALLET_SIDE + " order by p.id")) {
            select.setLong(1, account.value());
            try (ResultSet row = select.executeQuery()) {
                List<LedgerEntry> entries = new ArrayList<>();
                while (row.next()) {
                    UUID tap = Columns.getUuid(row, "tap_id");
                    entries.add(new LedgerEntry(row.getLong("id"), row.getString("kind"), row.getLong("amount_minor"),
                            row.getString("currency").trim(), tap == null ? null : new TapId(tap),
                            row.getString("explanation"), Columns.getInstant(row, "created_at")));
                }
                return entries;
            }
        }
    }
}
