package org.faregate.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.accounts.Account;
import org.faregate.gateway.accounts.SqlAccounts;
import org.faregate.gateway.admin.Reconciliation;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.gateway.admin.ReconciliationReport.BookTotal;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.Accounts.LedgerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The double-entry ledger on a real database (H2, or PostgreSQL with FAREGATE_TEST_PG_URL). */
class SqlLedgerTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");

    private static final String POSTING_FOREIGN_KEYS = "select count(*) from information_schema.table_constraints"
            + " where lower(table_name) = 'ledger_postings' and constraint_type = 'FOREIGN KEY'"
            + " and table_schema = current_schema";

    private final Database database = Database.open(TestDatabases.fresh());
    private final SqlLedger ledger = new SqlLedger();
    private final SqlAccounts accounts = new SqlAccounts();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aJournalOfHundredsOfAccountsIsOneTransactionWithALinePerMovementAndSumsToZero() {
        List<AccountId> ids = database.inTransaction(connection -> {
            List<AccountId> opened = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                opened.add(accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT).id());
            }
            return opened;
        });
        List<LedgerPosting> fares = new ArrayList<>();
        for (AccountId id : ids) {
            fares.add(new LedgerPosting(id, EntryKind.FARE, -400, CNY, new TapId(UUID.randomUUID()), null,
                    "entry A, exit B: 4.00", AT));
            fares.add(new LedgerPosting(id, EntryKind.FARE, 100, CNY, new TapId(UUID.randomUUID()), null,
                    "re-priced: day cap", AT));
        }
        AtomicInteger executions = new AtomicInteger();

        Optional<UUID> journal = database.inTransaction(connection -> ledger.postJournal(
                counting(connection, executions), EntryKind.FARE, fares, "pricing: 600 fare changes", AT));

        // one transaction, then 600 lines and one revenue leg, a multi-row insert per 100 rows: 1 + 7 statements
        assertThat(executions).hasValue(8);
        assertThat(journal).isPresent();
        assertThat(count("select count(*) from ledger_transactions where account_id is null")).isEqualTo(1);
        assertThat(count("select count(*) from ledger_postings")).isEqualTo(601);
        assertThat(count("select count(*) from ledger_postings where book = 'wallet' and tap_id is not null"))
                .isEqualTo(600);
        assertThat(count("select count(*) from (select transaction_id from ledger_postings group by transaction_id,"
                + " currency having sum(amount_minor) <> 0) unbalanced")).isZero();
        assertThat(count("select sum(amount_minor) from ledger_postings where book = 'fare_revenue'"))
                .isEqualTo(300L * 300);
        List<LedgerEntry> history = database.inTransaction(connection -> ledger.entries(connection, ids.get(42)));
        assertThat(history).extracting(LedgerEntry::amountMinor).containsExactly(-400L, 100L);
        assertThat(history).extracting(LedgerEntry::kind).containsOnly("fare");
        assertThat(history).extracting(LedgerEntry::explanation)
                .containsExactly("entry A, exit B: 4.00", "re-priced: day cap");
        assertThat(history.get(0).tapId()).isEqualTo(fares.get(84).tapId());
    }

    @Test
    void aJournalOfOneWalletNamesItAndLeavesOutACounterLegThatSumsToZero() {
        AccountId rider = database.inTransaction(connection ->
                accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT).id());
        List<LedgerPosting> fares = List.of(
                new LedgerPosting(rider, EntryKind.FARE, -300, CNY, new TapId(UUID.randomUUID()), null, "A to B", AT),
                new LedgerPosting(rider, EntryKind.FARE, 300, CNY, new TapId(UUID.randomUUID()), null, "capped", AT));

        database.inTransaction(connection -> ledger.postJournal(connection, EntryKind.FARE, fares, "pricing", AT));

        assertThat(count("select count(*) from ledger_transactions where account_id = " + rider.value())).isEqualTo(1);
        assertThat(count("select count(*) from ledger_postings")).isEqualTo(2);
        assertThat(count("select count(*) from ledger_postings where book = 'fare_revenue'")).isZero();
        Optional<UUID> none = database.inTransaction(connection -> ledger.postJournal(connection, EntryKind.FARE,
                List.of(), "nothing", AT));
        assertThat(none).isEmpty();
    }

    @Test
    void aJournalRefusesLinesOfAnotherKindOrWithAReference() {
        AccountId rider = database.inTransaction(connection ->
                accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT).id());
        LedgerPosting topUp = new LedgerPosting(rider, EntryKind.TOP_UP, 500, CNY, null, "pay-9", "top-up", AT);

        assertThatThrownBy(() -> database.inTransaction(connection ->
                ledger.postJournal(connection, EntryKind.FARE, List.of(topUp), "pricing", AT)))
                .hasMessageContaining("plain fare movements");
        assertThat(count("select count(*) from ledger_transactions")).isZero();
    }

    @Test
    void aDatabaseWhoseTransactionsNamedTheirTapsHasTheTapsMovedToTheWalletPostings() {
        AccountId rider = database.inTransaction(connection ->
                accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT).id());
        UUID tap = UUID.randomUUID();
        UUID transaction = UUID.randomUUID();
        execute("alter table ledger_transactions add column tap_id uuid");
        execute("create index ledger_transactions_by_tap on ledger_transactions (tap_id)");
        execute("insert into ledger_transactions (id, kind, account_id, tap_id, explanation, created_at) values ('"
                + transaction + "', 'fare', " + rider.value() + ", '" + tap + "', 'A to B',"
                + " timestamp with time zone '2026-11-24 09:00:00+00')");
        execute("insert into ledger_postings (transaction_id, book, account_id, amount_minor, currency) values ('"
                + transaction + "', 'wallet', " + rider.value() + ", -400, 'CNY'), ('" + transaction
                + "', 'fare_revenue', null, 400, 'CNY')");

        new LedgerMigration(database, ledger).migrate();
        new LedgerMigration(database, ledger).migrate();

        List<LedgerEntry> history = database.inTransaction(connection -> ledger.entries(connection, rider));
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.tapId()).isEqualTo(new TapId(tap));
            assertThat(entry.explanation()).isEqualTo("A to B");
        });
        assertThat(count("select count(*) from ledger_postings where tap_id is not null")).isEqualTo(1);
        assertThatThrownBy(() -> count("select count(tap_id) from ledger_transactions"))
                .hasMessageContaining("tap_id");
    }

    @Test
    void anOldSingleEntryDatabaseIsMigratedOnceAndComesUpBalanced() {
        AccountId rider = database.inTransaction(connection -> {
            Account account = accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT);
            accounts.update(connection, account.withBalance(2_000 - 400 + 50));
            return account.id();
        });
        UUID tap = UUID.randomUUID();
        execute("insert into ledger_entries (account_id, kind, amount_minor, currency, reference, explanation,"
                + " created_at) values (" + rider.value() + ", 'top_up', 2000, 'CNY', 'pay-1', 'top-up pay-1',"
                + " timestamp with time zone '2026-11-24 08:00:00+00')");
        execute("insert into ledger_entries (account_id, kind, amount_minor, currency, tap_id, explanation, created_at)"
                + " values (" + rider.value() + ", 'fare', -400, 'CNY', '" + tap + "', 'A to B',"
                + " timestamp with time zone '2026-11-24 09:00:00+00')");
        execute("insert into ledger_entries (account_id, kind, amount_minor, currency, explanation, created_at)"
                + " values (" + rider.value() + ", 'adjustment', 50, 'CNY', 'goodwill',"
                + " timestamp with time zone '2026-11-24 10:00:00+00')");
        execute("insert into tap_charges (tap_id, account_id, service_day, charged_minor, explanation) values ('"
                + tap + "', " + rider.value() + ", date '2026-11-24', 400, 'A to B')");
        LedgerMigration migration = new LedgerMigration(database, ledger);

        long first = migration.migrate();
        long second = migration.migrate();

        assertThat(first).isEqualTo(3);
        assertThat(second).isZero();
        assertThat(count("select count(*) from ledger_postings")).isEqualTo(6);
        List<LedgerEntry> history = database.inTransaction(connection -> ledger.entries(connection, rider));
        assertThat(history).extracting(LedgerEntry::kind).containsExactly("top_up", "fare", "adjustment");
        assertThat(history).extracting(LedgerEntry::amountMinor).containsExactly(2_000L, -400L, 50L);
        assertThat(history.get(1).tapId()).isEqualTo(new TapId(tap));
        assertThat(history.get(0).at()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        ReconciliationReport report = new Reconciliation(database).report();
        assertThat(report.balanced()).isTrue();
        assertThat(report.books()).containsExactly(new BookTotal("CNY", "adjustments", -50),
                new BookTotal("CNY", "fare_revenue", 400), new BookTotal("CNY", "top_up_clearing", -2_000),
                new BookTotal("CNY", "wallet", 1_650));
        Optional<RecordedTransaction> topUp = database.inTransaction(
                connection -> ledger.findByReference(connection, rider, "pay-1"));
        assertThat(topUp.map(RecordedTransaction::kind)).contains(EntryKind.TOP_UP);
    }

    @Test
    void aDatabaseWhosePostingsHadForeignKeysHasThemDropped() {
        execute("alter table ledger_postings add constraint old_posting_transaction foreign key (transaction_id)"
                + " references ledger_transactions (id)");
        execute("alter table ledger_postings add constraint old_posting_account foreign key (account_id)"
                + " references accounts (id)");
        assertThat(count(POSTING_FOREIGN_KEYS)).isEqualTo(2);

        new LedgerMigration(database, ledger).migrate();
        new LedgerMigration(database, ledger).migrate();

        assertThat(count(POSTING_FOREIGN_KEYS)).isZero();
    }

    @Test
    void reconciliationCountsPostingsWhoseTransactionOrAccountDoesNotExist() {
        toppedUpRider();
        assertThat(new Reconciliation(database).report().orphanPostings()).isZero();

        UUID nowhere = UUID.randomUUID();
        execute("insert into ledger_postings (transaction_id, book, account_id, amount_minor, currency) values ('"
                + nowhere + "', 'adjustments', null, 5, 'CNY'), ('" + nowhere + "', 'adjustments', null, -5, 'CNY')");

        ReconciliationReport report = new Reconciliation(database).report();
        assertThat(report.orphanPostings()).isEqualTo(2);
        assertThat(report.unbalancedTransactions()).isEmpty();
        assertThat(report.balanced()).isFalse();
    }

    @Test
    void reconciliationNamesATamperedPosting() {
        UUID topUp = toppedUpRider().topUp();
        assertThat(new Reconciliation(database).report().balanced()).isTrue();

        execute("update ledger_postings set amount_minor = -900 where transaction_id = '" + topUp
                + "' and book = 'top_up_clearing'");

        ReconciliationReport report = new Reconciliation(database).report();
        assertThat(report.balanced()).isFalse();
        assertThat(report.unbalancedTransactions()).singleElement().satisfies(unbalanced -> {
            assertThat(unbalanced.transactionId()).isEqualTo(topUp.toString());
            assertThat(unbalanced.sumMinor()).isEqualTo(100);
        });
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.currencies()).singleElement().satisfies(totals -> {
            assertThat(totals.postingsMinor()).isEqualTo(100);
            assertThat(totals.topUpsMinor()).isEqualTo(900);
        });
    }

    @Test
    void reconciliationNamesAnAccountWhoseWalletPostingWasChanged() {
        AccountId rider = toppedUpRider().rider();

        execute("update ledger_postings set amount_minor = 1100 where book = 'wallet'");

        ReconciliationReport report = new Reconciliation(database).report();
        assertThat(report.balanced()).isFalse();
        assertThat(report.unbalancedTransactions()).hasSize(1);
        assertThat(report.mismatches()).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.accountId()).isEqualTo(rider.value());
            assertThat(mismatch.ledgerMinor()).isEqualTo(1_100);
        });
    }

    private record ToppedUp(AccountId rider, UUID topUp) {
    }

    /** A new rider with a top-up of 10.00: balance and ledger agree. */
    private ToppedUp toppedUpRider() {
        return database.inTransaction(connection -> {
            Account account = accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT);
            accounts.update(connection, account.withBalance(1_000));
            return new ToppedUp(account.id(), ledger.post(connection, new LedgerPosting(account.id(), EntryKind.TOP_UP,
                    1_000, CNY, null, "pay-1", "top-up pay-1", AT)));
        });
    }

    private long count(String sql) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private void execute(String sql) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return statement.executeUpdate();
            }
        });
    }

    /** The connection, counting every statement execution (a single one or a batch): its round trips. */
    private static Connection counting(Connection connection, AtomicInteger executions) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    if (result instanceof PreparedStatement statement) {
                        return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                    if (m.getName().startsWith("execute")) {
                                        executions.incrementAndGet();
                                    }
                                    return invoke(m, statement, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
