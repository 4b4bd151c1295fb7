package org.faregate.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    private static final String TRANSACTION_COLUMNS = "ledger_transactions (id, kind, account_id, reference, reason,"
            + " note, actor, explanation, created_at, legacy_entry_id)";
    private static final String POSTING_COLUMNS = "ledger_postings (transaction_id, book, account_id, amount_minor,"
            + " currency, tap_id, explanation)";

    /**
     * A transaction to write.
     *
     * @param account  the wallet the transaction concerns; null for a journal over several wallets
     * @param legacyId the {@code ledger_entries} row it was migrated from; null for new ones
     */
    private record Transaction(UUID id, EntryKind kind, AccountId account, String reference, Correction correction,
                               String explanation, Instant at, Long legacyId, List<Leg> legs) {
        static Transaction of(LedgerPosting posting, Long legacyId) {
            return new Transaction(UUID.randomUUID(), posting.kind(), posting.account(), posting.reference(),
                    posting.correction(), posting.explanation(), posting.at(), legacyId, posting.legs());
        }
    }

    private record TransactionLeg(UUID transaction, Leg leg) {
    }

    private static final String WALLET_SIDE = "select p.id, t.id as transaction_id, t.kind, p.amount_minor, p.currency,"
            + " p.tap_id, t.reference, t.reason, t.note, t.actor, coalesce(p.explanation, t.explanation) as explanation,"
            + " t.created_at from ledger_postings p join ledger_transactions t on t.id = p.transaction_id"
            + " where p.book = 'wallet' and p.account_id = ?";

    /** Records one movement as a transaction of its own; returns the transaction's id. */
    public UUID post(Connection connection, LedgerPosting posting) throws SQLException {
        Transaction transaction = Transaction.of(posting, null);
        insert(connection, List.of(transaction));
        return transaction.id();
    }

    /**
     * Records movements of one kind as one transaction, a journal: each movement's wallet leg with its tap and
     * explanation, and per currency one counter-book leg for their sum (none where they sum to zero). Pricing
     * writes a round's fare changes so: one transaction and one posting per change, where a transaction per
     * change would cost three rows. Returns the transaction's id; none when there are no movements.
     *
     * @param explanation what the journal as a whole is (each line says what it is for)
     */
    public Optional<UUID> postJournal(Connection connection, EntryKind kind, List<LedgerPosting> movements,
                                      String explanation, Instant at) throws SQLException {
        if (movements.isEmpty()) {
            return Optional.empty();
        }
        List<Leg> legs = new ArrayList<>(movements.size() + 1);
        Map<Currency, Long> sums = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        Set<AccountId> wallets = new HashSet<>();
        for (LedgerPosting movement : movements) {
            if (movement.kind() != kind || movement.reference() != null || movement.correction() != null) {
                throw new IllegalArgumentException("a journal's lines are plain " + kind.code() + " movements: " + movement);
            }
            legs.add(movement.journalLine());
            sums.merge(movement.currency(), movement.amountMinor(), Math::addExact);
            wallets.add(movement.account());
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                legs.add(new Leg(kind.counterBook(), null, Math.negateExact(sum), currency));
            }
        });
        AccountId account = wallets.size() == 1 ? wallets.iterator().next() : null;
        Transaction journal = new Transaction(UUID.randomUUID(), kind, account, null, null, explanation, at, null, legs);
        insert(connection, List.of(journal));
        return Optional.of(journal.id());
    }

    /** Writes migrated single-entry rows, each as its own transaction remembering the row it came from. */
    void insertMigrated(Connection connection, List<LedgerPosting> postings, List<Long> legacyIds) throws SQLException {
        List<Transaction> transactions = new ArrayList<>(postings.size());
        for (int i = 0; i < postings.size(); i++) {
            transactions.add(Transaction.of(postings.get(i), legacyIds.get(i)));
        }
        insert(connection, transactions);
    }

    /** Writes the transactions and their legs with multi-row inserts, one statement per hundred rows. */
    private static void insert(Connection connection, List<Transaction> transactions) throws SQLException {
        if (transactions.isEmpty()) {
            return;
        }
        List<TransactionLeg> legs = new ArrayList<>();
        for (Transaction transaction : transactions) {
            for (Leg leg : transaction.legs()) {
                legs.add(new TransactionLeg(transaction.id(), leg));
            }
        }
        MultiRowInsert.insert(connection, TRANSACTION_COLUMNS, 10, transactions, SqlLedger::bindTransaction);
        MultiRowInsert.insert(connection, POSTING_COLUMNS, 7, legs, (insert, base, row) -> {
            Leg leg = row.leg();
            insert.setObject(base + 1, row.transaction());
            insert.setString(base + 2, leg.book().code());
            Columns.setNullableLong(insert, base + 3, leg.account() == null ? null : leg.account().value());
            insert.setLong(base + 4, leg.amountMinor());
            insert.setString(base + 5, leg.currency().getCurrencyCode());
            Columns.setNullableUuid(insert, base + 6, leg.tapId() == null ? null : leg.tapId().value());
            insert.setString(base + 7, leg.explanation() == null ? null : Columns.fit(leg.explanation(), 500));
        });
    }

    private static void bindTransaction(PreparedStatement insert, int base, Transaction transaction)
            throws SQLException {
        insert.setObject(base + 1, transaction.id());
        insert.setString(base + 2, transaction.kind().code());
        Columns.setNullableLong(insert, base + 3, transaction.account() == null ? null : transaction.account().value());
        insert.setString(base + 4, transaction.reference());
        Correction correction = transaction.correction();
        insert.setString(base + 5, correction == null ? null : correction.reason().code());
        insert.setString(base + 6, correction == null || correction.note() == null ? null : Columns.fit(correction.note(), 500));
        insert.setString(base + 7, correction == null ? null : Columns.fit(correction.actor(), 128));
        insert.setString(base + 8, Columns.fit(transaction.explanation(), 500));
        Columns.setInstant(insert, base + 9, transaction.at());
        Columns.setNullableLong(insert, base + 10, transaction.legacyId());
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
