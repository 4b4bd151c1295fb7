package org.faregate.gateway.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.accounts.SqlAccounts;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.TapId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posting 500 fares (one per account) in one database transaction: {@link SqlLedger#postJournal} (one
 * transaction, a line per fare) against 500 calls of {@link SqlLedger#post} (a transaction per fare). Each invocation rolls back, so the tables stay the
 * same size. The database is H2 in memory, or PostgreSQL with {@code FAREGATE_TEST_PG_URL} (docs/ledger.md).
 * Run: {@code java -cp <gateway test classpath> org.openjdk.jmh.Main LedgerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LedgerBenchmark {

    private static final int ACCOUNTS = 500;
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");

    private final SqlLedger ledger = new SqlLedger();
    private Database database;
    private List<LedgerPosting> fares;

    @Setup
    public void open() {
        database = Database.open(TestDatabases.fresh());
        SqlAccounts accounts = new SqlAccounts();
        List<AccountId> ids = database.inTransaction(connection -> {
            List<AccountId> opened = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                opened.add(accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT).id());
            }
            return opened;
        });
        fares = new ArrayList<>();
        for (AccountId id : ids) {
            fares.add(new LedgerPosting(id, EntryKind.FARE, -400, CNY, new TapId(UUID.randomUUID()), null,
                    "entry A, exit B: 4.00", AT));
        }
    }

    @TearDown
    public void close() {
        database.close();
    }

    @Benchmark
    public int postJournal500() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            int posted = ledger.postJournal(connection, EntryKind.FARE, fares, "pricing", AT).isPresent() ? fares.size() : 0;
            connection.rollback();
            return posted;
        }
    }

    @Benchmark
    public int postOneByOne500() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            int posted = 0;
            for (LedgerPosting fare : fares) {
                ledger.post(connection, fare);
                posted++;
            }
            connection.rollback();
            return posted;
        }
    }
}
