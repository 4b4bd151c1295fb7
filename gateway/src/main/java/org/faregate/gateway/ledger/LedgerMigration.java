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
 * Moves the single-entry rows of the old {@code ledger_entries} table into double-entry transactions, each
 * entry's amount on its wallet balanced by the counter book of its kind. Runs at every start and is idempotent:
 * a migrated entry is remembered by {@code ledger_transactions.legacy_entry_id}, and each chunk commits alone.
 */
public final class LedgerMigration {

    private static final Logger logger = LoggerFactory.getLogger(LedgerMigration.class);
    private static final int CHUNK = 1_000;
    private static final String UNMIGRATED = "select e.id, e.account_id, e.kind, e.amount_minor, e.currency, e.tap_id,"
            + " e.reference, e.explanation, e.created_at from ledger_entries e where not exists"
            + " (select 1 from ledger_transactions t where t.legacy_entry_id = e.id) order by e.id limit " + CHUNK;

    private final Database database;
    private final SqlLedger ledger;

    public LedgerMigration(Database database, SqlLedger ledger) {
        this.database = Objects.requireNonNull(database, "database");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** Migrates every entry not migrated yet; returns how many it migrated this time. */
    public long migrate() {
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
        ledger.insert(connection, postings, legacyIds);
        return postings.size();
    }
}
