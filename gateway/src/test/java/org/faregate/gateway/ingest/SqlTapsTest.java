package org.faregate.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.faregate.gateway.Eventually;
import org.faregate.gateway.Taps;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Storing taps exactly once, on a real database (H2, or PostgreSQL with FAREGATE_TEST_PG_URL). */
class SqlTapsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    private final Database database = Database.open(TestDatabases.fresh());
    private final SqlTaps taps = new SqlTaps();
    private final SqlTaps.DatedTap first = dated("07:00");
    private final SqlTaps.DatedTap second = dated("07:30");
    private final SqlTaps.DatedTap third = dated("08:00");

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aResentBatchInsertsOnlyTheTapsNotStoredYet() {
        Set<TapId> before = database.inTransaction(connection -> taps.insertNew(connection, List.of(first), RECEIVED));

        Set<TapId> resent = database.inTransaction(connection ->
                taps.insertNew(connection, List.of(third, first, second), RECEIVED));

        assertThat(before).containsExactly(first.tap().tapId());
        assertThat(resent).containsExactlyInAnyOrder(second.tap().tapId(), third.tap().tapId());
        Set<TapId> again = database.inTransaction(connection -> taps.insertNew(connection, List.of(second), RECEIVED));
        assertThat(again).isEmpty();
    }

    @Test
    void aTapAConcurrentTransactionStoresMeanwhileIsWaitedForAndNotReportedAsInsertedHere() throws Exception {
        try (Connection other = database.dataSource().getConnection();
             Connection mine = database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            mine.setAutoCommit(false);
            taps.insertNew(other, List.of(second), RECEIVED);

            CompletableFuture<Set<TapId>> insert = CompletableFuture.supplyAsync(() -> {
                try {
                    return taps.insertNew(mine, List.of(first, second), RECEIVED);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.await(this::anInsertWaitsForALock);
            other.commit();

            assertThat(insert.get(20, TimeUnit.SECONDS)).containsExactly(first.tap().tapId());
            mine.commit();
        }
    }

    /**
     * Whether the other insert has reached the database and waits there: PostgreSQL reports the lock wait;
     * H2 reports only the statement running (it cannot finish while the other transaction holds the row).
     */
    private boolean anInsertWaitsForALock() {
        String sql = TestDatabases.postgres()
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                : "select count(*) from information_schema.sessions where executing_statement like 'insert into taps%'";
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        });
    }

    private static SqlTaps.DatedTap dated(String time) {
        return new SqlTaps.DatedTap(Taps.entry(AccountId.of(1), Taps.credential(), "S01", time), DAY);
    }
}
