package org.faregate.gateway.pricing;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.faregate.cluster.AccountOwnership;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.metrics.GatewayMetrics;
import org.faregate.gateway.pricing.SqlPricingWork.Taken;
import org.faregate.gateway.sql.Database;
import org.faregate.gateway.sql.StoreException;
import org.faregate.protocol.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's pricer: threads ("lanes") that each take the due pricing work of their share of the buckets
 * this node owns ({@link AccountOwnership}; lane {@code i} of {@code n} the buckets {@code b} with
 * {@code b mod n = i}, so an account is still priced by one thread at a time). A lane prices the oldest
 * queue rows of about {@link #MAX_ACCOUNTS} accounts per transaction (whole rows: a batch's row holds
 * several accounts), deletes the rows it took in the same transaction (with the repricings scheduled
 * earlier for the days it priced: it priced them as of now and schedules what is still open afresh), and
 * publishes deny changes after the commit. Work whose pricing fails is retried per account with a growing
 * delay, so one broken account never holds up the others; with the database down the whole round waits and
 * retries.
 */
public final class PricingWorker implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PricingWorker.class);
    /** Accounts priced in one transaction: enough to amortise the round trips, small enough to commit fast. */
    static final int MAX_ACCOUNTS = 500;
    /** How often an idle pricer looks for work other nodes queued for its accounts. */
    static final Duration IDLE_POLL = Duration.ofMillis(20);
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LAST_RETRY = Duration.ofMinutes(10);

    private final Database database;
    private final SqlPricingWork queue;
    private final AccountPricer pricer;
    private final AccountOwnership ownership;
    private final DenyService denyService;
    private final InstantSource clock;
    private final GatewayMetrics metrics;
    private final List<Thread> lanes = new ArrayList<>();
    private volatile boolean running = true;

    public PricingWorker(Database database, SqlPricingWork queue, AccountPricer pricer, AccountOwnership ownership,
                         DenyService denyService, InstantSource clock, GatewayMetrics metrics, int threads) {
        this.database = Objects.requireNonNull(database, "database");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.pricer = Objects.requireNonNull(pricer, "pricer");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.denyService = Objects.requireNonNull(denyService, "denyService");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (threads < 1) {
            throw new IllegalArgumentException("pricing needs at least one thread: " + threads);
        }
        for (int lane = 0; lane < threads; lane++) {
            int mine = lane;
            Thread thread = new Thread(() -> loop(mine, threads), "faregate-pricing-" + lane);
            thread.setDaemon(true);
            lanes.add(thread);
        }
    }

    public void start() {
        lanes.forEach(Thread::start);
    }

    /** New work may be due (this node just stored taps): look now instead of at the next poll. */
    public void wake() {
        lanes.forEach(LockSupport::unpark);
    }

    private void loop(int lane, int laneCount) {
        while (running) {
            try {
                if (runOnce(lane, laneCount) == 0) {
                    LockSupport.parkNanos(IDLE_POLL.toNanos());
                }
            } catch (StoreException e) {
                logger.warn("Pricing paused: the database is unavailable [retryIn={}ms, cause={}]",
                        OUTAGE_PAUSE.toMillis(), e.getMessage());
                LockSupport.parkNanos(OUTAGE_PAUSE.toNanos());
            } catch (RuntimeException e) {
                logger.error("Pricing round failed unexpectedly; retrying", e);
                LockSupport.parkNanos(OUTAGE_PAUSE.toNanos());
            }
        }
    }

    /**
     * One round of a lane: takes the due work of the lane's accounts and prices it. Returns how many
     * accounts it priced (the loop looks again at once unless that was none). Throws {@link StoreException}
     * when the database is unreachable; nothing is lost then, the rows stay queued.
     */
    private int runOnce(int lane, int laneCount) {
        Instant now = clock.instant();
        int[] buckets = Arrays.stream(ownership.ownedBuckets()).filter(bucket -> bucket % laneCount == lane).toArray();
        if (buckets.length == 0) {
            return 0;
        }
        List<Taken> taken = database.inTransaction(connection ->
                queue.due(connection, buckets, now, MAX_ACCOUNTS));
        Map<AccountId, List<Taken>> byAccount = byAccount(taken, now);
        if (byAccount.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        try {
            price(byAccount, now, true);
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw e;
            }
            logger.warn("Pricing round failed; pricing its accounts one by one [accounts={}, cause={}]",
                    byAccount.size(), e.getMessage());
            for (Map.Entry<AccountId, List<Taken>> account : byAccount.entrySet()) {
                priceAlone(account.getKey(), account.getValue(), now);
            }
            List<Taken> batchRows = taken.stream().filter(Taken::shared).toList();
            database.inTransaction(connection -> {
                queue.done(connection, batchRows);
                return null;
            });
        }
        metrics.pricingRound(byAccount.size(), System.nanoTime() - started, oldestAge(taken, now));
        return byAccount.size();
    }

    /**
     * The taken rows by account, ascending account ids (the order pricing locks them in), of the accounts
     * with a row due (another node may have priced one meanwhile, leaving only its scheduled rows).
     */
    private static Map<AccountId, List<Taken>> byAccount(List<Taken> taken, Instant now) {
        Map<AccountId, List<Taken>> byAccount = new TreeMap<>(Comparator.comparingLong(AccountId::value));
        for (Taken row : taken) {
            byAccount.computeIfAbsent(row.account(), account -> new ArrayList<>()).add(row);
        }
        byAccount.values().removeIf(rows -> rows.stream().noneMatch(row -> row.isDue(now)));
        return byAccount;
    }

    /**
     * Prices the days of the due rows; deletes the due rows and the scheduled ones of days it priced (a row
     * of an account that no longer exists is due and goes too). A scheduled row of a day not priced stays.
     * Batch rows are deleted only with {@code batchRowsToo}: priced one account at a time, a batch row
     * still holds the work of accounts not yet priced.
     */
    private void price(Map<AccountId, List<Taken>> byAccount, Instant now, boolean batchRowsToo) {
        AccountPricer.Outcome outcome = database.inTransaction(connection -> {
            AccountPricer.Outcome priced = pricer.price(connection, byAccount, now);
            List<Taken> finished = new ArrayList<>();
            byAccount.values().forEach(rows -> rows.stream()
                    .filter(row -> batchRowsToo || !row.shared())
                    .filter(row -> row.isDue(now) || priced.priced(row.account(), row.serviceDay()))
                    .forEach(finished::add));
            queue.done(connection, finished);
            queue.schedule(connection, priced.finalisations());
            return priced;
        });
        pricer.committed(outcome);
        denyService.publish(outcome.denyChanges());
    }

    /**
     * Prices one account of a failed round in a transaction of its own, or puts its work back to be retried
     * later. The batch rows it shares with other accounts stay for the caller to delete.
     */
    private void priceAlone(AccountId account, List<Taken> rows, Instant now) {
        try {
            price(Map.of(account, rows), now, false);
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw e;
            }
            List<Taken> due = rows.stream().filter(row -> row.isDue(now)).toList();
            int attempts = due.stream().mapToInt(Taken::attempts).max().orElse(0) + 1;
            Duration delay = retryDelay(attempts);
            logger.error("Pricing failed for an account; its taps stay stored and are retried [account={},"
                    + " attempt={}, retryIn={}s]", account, attempts, delay.toSeconds(), e);
            metrics.pricingFailed();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            database.inTransaction(connection -> {
                queue.failed(connection, due, now.plus(delay), error);
                return null;
            });
        }
    }

    /** 2 s, doubling per attempt, at most 10 minutes. */
    static Duration retryDelay(int attempts) {
        Duration delay = FIRST_RETRY;
        for (int i = 1; i < attempts && delay.compareTo(LAST_RETRY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LAST_RETRY) < 0 ? delay : LAST_RETRY;
    }

    /** Whether the failure is the database being unreachable rather than something about the work. */
    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException && ((SQLException) cause).getSQLState() != null
                    && ((SQLException) cause).getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static Duration oldestAge(List<Taken> taken, Instant now) {
        Instant oldest = taken.stream().map(Taken::dueAt).min(Comparator.naturalOrder()).orElse(now);
        return oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            for (Thread lane : lanes) {
                lane.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
