package org.faregate.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an older ledger up to date; runs at every start and is idempotent.
 * <ul>
 * <li>The single-entry rows of the old {@code ledger_entries} table become double-entry transactions, each
 *     entry's amount on its wallet balanced by the counter book of its kind. A migrated entry is remembered by
 *     {@code ledger_transactions.legacy_entry_id}, and each chunk commits alone.</li>
 * <li>Before pricing journals a fare transaction named its tap ({@code ledger_transactions.tap_id}); the tap
 *     now belongs to the wallet posting. The tap ids are copied onto the postings, then the column is
 *     dropped. Until it is dropped the copy is repeated, and it writes the same values again.</li>
 * <li>{@code ledger_postings} had foreign keys to its transaction and account; they are dropped (checking them
 *     was the largest cost of pricing under load; reconciliation counts orphan postings instead).</li>
 * </ul>
 */
public final class LedgerMigration {

    private static final Logger logger = LoggerFactory.getLogger(LedgerMigration.class);
    private static final int CHUNK = 1_000;
    private static final String UNMIGRATED = "select e.id, e.account_id, e.kind, e.amount_minor, e.currency, e.tap_id,"
            + " e.reference, e.explanation, e.created_at from ledger_entries e where not exists"
            + " (select 1 from ledger_transactions t where t.legacy_entry_id = e.id) order by e.id limit " + CHUNK;
    private static final String MOVE_TAPS = "update ledger_postings set tap_id = (select t.tap_id"
            + " from ledger_transactions t where t.id = ledger_postings.transaction_id)"
            + " where book = 'wallet' and transaction_id in (select id from ledger_transactions where tap_id is not null)";

    private final Database database;
    private final SqlLedger ledger;

    public LedgerMigration(Database database, SqlLedger ledger) {
        this.database = Objects.requireNonNull(database, "database");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** Migrates everything not migrated yet; returns how many single entries it migrated this time. */
    public long migrate() {
        if (database.inTransaction(LedgerMigration::transactionsNameTaps)) {
            int moved = database.inTransaction(connection -> update(connection, MOVE_TAPS));
            database.inTransaction(connection -> update(connection, "drop index if exists ledger_transactions_by_tap"));
            database.inTransaction(connection -> update(connection,
                    "alter table ledger_transactions drop column if exists tap_id"));
            logger.info("Fare taps moved from ledger transactions to their wallet postings [postings={}]", moved);
        }
        for (String foreignKey : database.inTransaction(LedgerMigration::postingForeignKeys)) {
            database.inTransaction(connection -> update(connection,
                    "alter table ledger_postings drop constraint if exists \"" + foreignKey + "\""));
            logger.info("Ledger posting foreign key dropped [constraint={}]", foreignKey);
        }
        long migrated = 0;
        int chunk;
        do {
            chunk = database.inTransaction(this::migrateChunk);
            migrated += chunk;
        } while (chunk == CHUNK);
        if (migrated > 0) {
            logger.info("Ledger entries migrated to double entry [entries={}]", migrated);
        }
        return migrated;
    }

    /** Whether {@code ledger_transactions} still has its {@code tap_id} column (a database from before journals). */
    private static boolean transactionsNameTaps(Connection connection) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
                null, null)) {
            while (columns.next()) {
                if (columns.getString("TABLE_NAME").equalsIgnoreCase("ledger_transactions")
                        && columns.getString("COLUMN_NAME").equalsIgnoreCase("tap_id")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The names of the foreign keys {@code ledger_postings} still has (a database from before they were dropped). */
    private static List<String> postingForeignKeys(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String table : List.of("ledger_postings", "LEDGER_POSTINGS")) {
            try (ResultSet keys = connection.getMetaData().getImportedKeys(connection.getCatalog(),
                    connection.getSchema(), table)) {
                while (keys.next()) {
                    String name = keys.getString("FK_NAME");
                    if (name != null && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }

    private int migrateChunk(Connection connection) throws SQLException {
        List<LedgerPosting> postings = new ArrayList<>();
        List<Long> legacyIds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(UNMIGRATED); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                UUID tap = Columns.getUuid(row, "tap_id");
                legacyIds.add(row.getLong("id"));
                postings.add(new LedgerPosting(new AccountId(row.getLong("account_id")),
                        EntryKind.parse(row.getString("kind")), row.getLong("amount_minor"),
                        Currency.getInstance(row.getString("currency").trim()), tap == null ? null : new TapId(tap),
                        row.getString("reference"), row.getString("explanation"), Columns.getInstant(row, "created_at")));
            }
        }
        ledger.insertMigrated(connection, postings, legacyIds);
        return postings.size();
    }
}
