package org.faregate.gateway.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.faregate.fares.FareRules;
import org.faregate.fares.ServiceDay;
import org.faregate.gateway.accounts.SqlAccounts;
import org.faregate.gateway.metrics.GatewayMetrics;
import org.faregate.gateway.pricing.FareBook;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.pricing.ServiceDayRules;
import org.faregate.gateway.pricing.SqlPricingWork;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tap ingest. In one transaction: store every tap once, and queue the pricing of each account-day that
 * gained accepted taps, with those taps ({@code pricing_work}; a tap at a station the fare rules do not
 * know is priced too, at zero, as any repricing of its day would); then, after the commit, acknowledge
 * every tap of the batch and wake this node's pricer. The node that owns each account prices it moments later
 * ({@link org.faregate.gateway.pricing.PricingWorker}): the gate's acknowledgement waits only for its taps
 * to be durable, never for pricing. Blocking.
 */
public final class TapIngest {

    private static final Logger logger = LoggerFactory.getLogger(TapIngest.class);
    /** Account ids remembered as existing; past this many the memory starts again empty. */
    private static final int KNOWN_ACCOUNTS_REMEMBERED = 1_000_000;

    private final Database database;
    private final SqlTaps taps = new SqlTaps();
    private final SqlAccounts accounts;
    private final SqlPricingWork pricingWork;
    private final FareBook fareBook;
    private final ZoneId zone;
    private final LocalTime cutover;
    private final InstantSource clock;
    private final GatewayMetrics metrics;
    private final Runnable pricingDue;
    /**
     * Accounts seen to exist. Accounts are never deleted, so an account once found stays found, and a
     * batch asks the database only about the accounts it has not met (the check per batch cost PostgreSQL
     * 8.6 µs per tap and a round trip under load). An account not found is not remembered: it may be
     * opened later.
     */
    private final Set<AccountId> knownAccounts = ConcurrentHashMap.newKeySet();

    /** {@code pricingDue} is told after each commit that queued pricing work (this node's pricer wakes). */
    public TapIngest(Database database, SqlAccounts accounts, SqlPricingWork pricingWork, FareBook fareBook,
                     ZoneId zone, LocalTime cutover, InstantSource clock, GatewayMetrics metrics, Runnable pricingDue) {
        this.database = Objects.requireNonNull(database, "database");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.pricingWork = Objects.requireNonNull(pricingWork, "pricingWork");
        this.fareBook = Objects.requireNonNull(fareBook, "fareBook");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.pricingDue = Objects.requireNonNull(pricingDue, "pricingDue");
    }

    private record Outcome(TapBatchAck ack, Set<TapId> inserted, int queued) {
    }

    private record AccountDay(AccountId account, LocalDate serviceDay) {
    }

    public TapBatchAck ingest(TapBatch batch) {
        Map<TapId, SqlTaps.DatedTap> unique = new LinkedHashMap<>();
        for (TapRecord tap : batch.taps()) {
            unique.putIfAbsent(tap.tapId(), new SqlTaps.DatedTap(tap, ServiceDay.of(tap.at(), zone, cutover)));
        }
        long started = System.nanoTime();
        Instant receivedAt = clock.instant();
        Outcome outcome = database.inTransaction(
                connection -> ingest(connection, List.copyOf(unique.values()), receivedAt));
        if (outcome.queued() > 0) {
            pricingDue.run();
        }
        metrics.batchCommitted(batch.gateId(), unique.size(), outcome.inserted().size(), System.nanoTime() - started,
                receivedAt);
        for (SqlTaps.DatedTap dated : unique.values()) {
            if (outcome.inserted().contains(dated.tap().tapId())) {
                metrics.tapDelay(Duration.between(dated.tap().at(), receivedAt));
            }
        }
        logger.debug("Tap batch committed [gate={}, taps={}, new={}, problems={}]", batch.gateId(),
                unique.size(), outcome.inserted().size(), outcome.ack().problems().size());
        return outcome.ack();
    }

    private Outcome ingest(Connection connection, List<SqlTaps.DatedTap> batch, Instant now) throws SQLException {
        Set<TapId> inserted = taps.insertNew(connection, batch, now);
        Set<AccountId> known = knownAccounts(connection, accountsOfAccepted(batch));
        ServiceDayRules rulesByDay = new ServiceDayRules(fareBook, connection, zone, cutover);
        List<TapBatchAck.Problem> problems = new ArrayList<>();
        Map<AccountDay, List<StoredTap>> work = new LinkedHashMap<>();
        for (SqlTaps.DatedTap dated : batch) {
            TapRecord tap = dated.tap();
            if (!tap.accepted()) {
                continue;
            }
            FareRules rules = rulesByDay.of(dated.serviceDay());
            if (!known.contains(tap.accountId())) {
                problems.add(new TapBatchAck.Problem(tap.tapId(), "unknown_account",
                        "account " + tap.accountId() + " does not exist; the tap is stored but not charged"));
                continue;
            }
            if (!rules.knowsStation(tap.stationId().value())) {
                problems.add(new TapBatchAck.Problem(tap.tapId(), "unknown_station",
                        "station " + tap.stationId() + " is unknown to the fare rules; the tap is stored but not charged"));
            }
            if (inserted.contains(tap.tapId())) {
                work.computeIfAbsent(new AccountDay(tap.accountId(), dated.serviceDay()), key -> new ArrayList<>())
                        .add(dated.stored());
            }
        }
        List<SqlPricingWork.Due> due = new ArrayList<>(work.size());
        work.forEach((key, taps) -> due.add(new SqlPricingWork.Due(key.account(), key.serviceDay(), now, taps)));
        pricingWork.add(connection, due);
        List<TapId> committed = batch.stream().map(dated -> dated.tap().tapId()).toList();
        return new Outcome(new TapBatchAck(committed, problems), inserted, due.size());
    }

    /** Which of the wanted accounts exist: the remembered ones, and those the database finds of the rest. */
    private Set<AccountId> knownAccounts(Connection connection, Set<AccountId> wanted) throws SQLException {
        Set<AccountId> known = new HashSet<>();
        Set<AccountId> unmet = new HashSet<>();
        for (AccountId account : wanted) {
            (knownAccounts.contains(account) ? known : unmet).add(account);
        }
        Set<AccountId> found = accounts.existing(connection, unmet);
        if (knownAccounts.size() + found.size() > KNOWN_ACCOUNTS_REMEMBERED) {
            knownAccounts.clear();
        }
        knownAccounts.addAll(found);
        known.addAll(found);
        return known;
    }

    private static Set<AccountId> accountsOfAccepted(List<SqlTaps.DatedTap> batch) {
        Set<AccountId> ids = new HashSet<>();
        for (SqlTaps.DatedTap dated : batch) {
            if (dated.tap().accepted()) {
                ids.add(dated.tap().accountId());
            }
        }
        return ids;
    }
}
