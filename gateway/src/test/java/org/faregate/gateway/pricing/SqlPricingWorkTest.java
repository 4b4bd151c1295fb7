package org.faregate.gateway.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.faregate.cluster.AccountOwnership;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.pricing.SqlPricingWork.Due;
import org.faregate.gateway.pricing.SqlPricingWork.Taken;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pricing queue on a real database (H2, or PostgreSQL with FAREGATE_TEST_PG_URL). */
class SqlPricingWorkTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final int[] ALL_BUCKETS = IntStream.range(0, AccountOwnership.BUCKETS).toArray();

    private final Database database = Database.open(TestDatabases.fresh());
    private final SqlPricingWork queue = new SqlPricingWork();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRoundTakesTheOldestDueRowsUpToTheAccountsAskedAndEveryRowOfItsOwnOfTheirAccountsButNoAccountWithOnlyLaterWork() {
        Due laterForFive = new Due(AccountId.of(5), DAY, NOW.plus(Duration.ofHours(1)));
        add(due(5), due(7), due(5), due(11));
        schedule(laterForFive, new Due(AccountId.of(9), DAY, NOW.plus(Duration.ofHours(1))));

        List<Taken> oldestAccount = take(ALL_BUCKETS, 1);
        List<Taken> threeRows = take(ALL_BUCKETS, 3);
        List<Taken> threeAccounts = take(ALL_BUCKETS, 4);

        assertThat(oldestAccount).extracting(taken -> taken.account().value()).containsExactly(5L, 5L);
        assertThat(oldestAccount).filteredOn(taken -> !taken.isDue(NOW)).singleElement()
                .satisfies(taken -> assertThat(taken.dueAt()).isEqualTo(laterForFive.dueAt()))
                .satisfies(taken -> assertThat(taken.shared()).isFalse());
        assertThat(threeRows).extracting(taken -> taken.account().value()).containsExactlyInAnyOrder(5L, 7L, 5L, 5L);
        assertThat(threeAccounts).extracting(taken -> taken.account().value())
                .containsExactlyInAnyOrder(5L, 7L, 5L, 11L, 5L);
    }

    @Test
    void aBatchIsQueuedAsARowPerBucketTakenWholeEvenPastTheAccountsAsked() {
        long sameBucketAsFive = 5 + AccountOwnership.BUCKETS;
        database.inTransaction(connection -> {
            queue.add(connection, List.of(due(5), due(6), due(sameBucketAsFive), new Due(AccountId.of(5),
                    DAY.plusDays(1), NOW.minusSeconds(1))));
            return null;
        });

        List<Taken> bucketFive = take(new int[] {5}, 1);

        assertThat(bucketFive).extracting(taken -> taken.account().value()).containsExactly(5L, sameBucketAsFive, 5L);
        assertThat(bucketFive).extracting(Taken::serviceDay).containsExactly(DAY, DAY, DAY.plusDays(1));
        assertThat(bucketFive).extracting(Taken::id).containsOnly(bucketFive.get(0).id());
        assertThat(bucketFive).allSatisfy(taken -> assertThat(taken.shared()).isTrue());
        assertThat(take(new int[] {6}, 10)).extracting(taken -> taken.account().value()).containsExactly(6L);
    }

    @Test
    void aFailedAccountsPartOfABatchIsQueuedAgainAsARowOfItsOwnWithTheSameTaps() {
        StoredTap tap = new StoredTap(new TapId(UUID.randomUUID()), NOW.minusSeconds(60), StationId.of("S01"),
                Direction.ENTRY, Optional.empty(), null);
        long sameBucketAsFive = 5 + AccountOwnership.BUCKETS;
        database.inTransaction(connection -> {
            queue.add(connection, List.of(new Due(AccountId.of(5), DAY, NOW.minusSeconds(1), List.of(tap)),
                    due(sameBucketAsFive)));
            return null;
        });
        List<Taken> batch = take(ALL_BUCKETS, 10);
        Instant retryAt = NOW.plusSeconds(2);

        database.inTransaction(connection -> {
            queue.failed(connection, batch.stream().filter(row -> row.account().value() == 5).toList(), retryAt,
                    "IllegalStateException: broken");
            queue.done(connection, batch);
            return null;
        });

        SqlPricingWork.Backlog backlog = database.inTransaction(connection -> queue.backlog(connection, NOW));
        List<Taken> retried = database.inTransaction(connection -> queue.due(connection, ALL_BUCKETS, retryAt, 10));

        assertThat(backlog).isEqualTo(new SqlPricingWork.Backlog(0, 1, 1, null));
        assertThat(retried).singleElement().satisfies(retry -> {
                    assertThat(retry.account()).isEqualTo(AccountId.of(5));
                    assertThat(retry.shared()).isFalse();
                    assertThat(retry.attempts()).isEqualTo(1);
                    assertThat(retry.taps()).contains(List.of(tap));
                });
    }

    @Test
    void theAccountsWhoseWorkFellDueFirstComeFirstWhateverOrderItWasQueuedIn() {
        add(new Due(AccountId.of(5), DAY, NOW.minusSeconds(1)), new Due(AccountId.of(7), DAY, NOW.minusSeconds(60)));

        assertThat(take(ALL_BUCKETS, 1)).extracting(taken -> taken.account().value()).containsExactly(7L);
    }

    @Test
    void aRowBringsBackTheTapsThatQueuedItAndAScheduledRepricingNone() {
        StoredTap tap = new StoredTap(new TapId(UUID.randomUUID()), NOW.minusSeconds(60), StationId.of("S01"),
                Direction.ENTRY, Optional.of("R1"), null);
        add(new Due(AccountId.of(5), DAY, NOW.minusSeconds(1), List.of(tap)));
        database.inTransaction(connection -> {
            queue.schedule(connection, List.of(new Due(AccountId.of(5), DAY, NOW.plusSeconds(60))));
            return null;
        });

        assertThat(take(ALL_BUCKETS, 1)).extracting(Taken::taps)
                .containsExactly(Optional.of(List.of(tap)), Optional.of(List.of()));
    }

    @Test
    void aRepricingScheduledTwiceForTheSameTimeIsQueuedOnceAndOneForAnotherTimeToo() {
        Due atNoon = new Due(AccountId.of(5), DAY, NOW.plusSeconds(60));
        Due later = new Due(AccountId.of(5), DAY, NOW.plusSeconds(120));
        database.inTransaction(connection -> {
            queue.schedule(connection, List.of(atNoon, atNoon));
            queue.schedule(connection, List.of(atNoon, later, new Due(AccountId.of(7), DAY, atNoon.dueAt())));
            return null;
        });
        add(due(5));

        assertThat(take(ALL_BUCKETS, 1)).extracting(Taken::dueAt)
                .containsExactlyInAnyOrder(NOW.minusSeconds(1), atNoon.dueAt(), later.dueAt());
    }

    @Test
    void aRoundTakesOnlyAccountsInItsBuckets() {
        long sameBucketAsFive = 5 + AccountOwnership.BUCKETS;
        add(due(6), due(5), due(sameBucketAsFive));

        List<Taken> taken = take(new int[] {5}, 10);

        assertThat(taken).extracting(row -> row.account().value()).containsExactlyInAnyOrder(5L, sameBucketAsFive);
    }

    @Test
    void aRowAnOlderGatewayQueuedForOneAccountWithoutABucketIsTakenInItsAccountsBucket() {
        long sameBucketAsFive = 5 + AccountOwnership.BUCKETS;
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into pricing_work (account_id, service_day, due_at, taps) values (?, ?, ?, '[]')")) {
                insert.setLong(1, sameBucketAsFive);
                insert.setObject(2, DAY);
                Columns.setInstant(insert, 3, NOW.minusSeconds(1));
                insert.executeUpdate();
            }
            return null;
        });

        assertThat(take(new int[] {6}, 10)).isEmpty();
        assertThat(take(new int[] {5}, 10)).singleElement().satisfies(row -> {
            assertThat(row.account()).isEqualTo(AccountId.of(sameBucketAsFive));
            assertThat(row.shared()).isFalse();
            assertThat(row.taps()).contains(List.of());
        });
    }

    @Test
    void finishingDeletesExactlyTheRowsTakenSoWorkQueuedMeanwhileStays() {
        add(due(5), due(6));
        List<Taken> taken = take(ALL_BUCKETS, 10);
        add(due(5));

        database.inTransaction(connection -> {
            queue.done(connection, taken);
            return null;
        });

        assertThat(take(ALL_BUCKETS, 10)).singleElement()
                .satisfies(row -> assertThat(row.account()).isEqualTo(AccountId.of(5)))
                .satisfies(row -> assertThat(taken).extracting(Taken::id).doesNotContain(row.id()));
    }

    private static Due due(long account) {
        return new Due(AccountId.of(account), DAY, NOW.minusSeconds(1));
    }

    private void add(Due... work) {
        database.inTransaction(connection -> {
            // One statement per row, so every row has its own, increasing id (the queue's age order).
            for (Due due : work) {
                queue.add(connection, List.of(due));
            }
            return null;
        });
    }

    private void schedule(Due... work) {
        database.inTransaction(connection -> {
            queue.schedule(connection, List.of(work));
            return null;
        });
    }

    private List<Taken> take(int[] buckets, int accounts) {
        return database.inTransaction(connection -> queue.due(connection, buckets, NOW, accounts));
    }
}
