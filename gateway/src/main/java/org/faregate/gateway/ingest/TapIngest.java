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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faregate.fares.FareRules;
import org.faregate.fares.ServiceDay;
import org.faregate.gateway.accounts.Account;
import org.faregate.gateway.accounts.Balances;
import org.faregate.gateway.accounts.SqlAccounts;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.metrics.GatewayMetrics;
import org.faregate.gateway.ledger.EntryKind;
import org.faregate.gateway.ledger.LedgerPosting;
import org.faregate.gateway.ledger.SqlLedger;
import org.faregate.gateway.pricing.FareBook;
import org.faregate.gateway.pricing.PeriodPricer;
import org.faregate.gateway.pricing.PeriodPricer.Repricing;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tap ingest. In one transaction: store every tap once; for the service days that gained accepted
 * taps, lock the account (ascending ids), re-price the whole day with the fare rules in force at the
 * day's start and post only the differences to the
 * ledger; deny or restore credentials as the balance crosses the floor. Then, after the commit, publish
 * deny changes to the cluster and acknowledge every tap of the batch. Blocking.
 */
public final class TapIngest {

    private static final Logger logger = LoggerFactory.getLogger(TapIngest.class);

    private final Database database;
    private final SqlTaps taps = new SqlTaps();
    private final SqlAccounts accounts;
    private final SqlLedger ledger;
    private final Balances balances;
    private final FareBook fareBook;
    private final DenyService denyService;
    private final ZoneId zone;
    private final LocalTime cutover;
    private final InstantSource clock;
    private final GatewayMetrics metrics;

    public TapIngest(Database database, SqlAccounts accounts, SqlLedger ledger, Balances balances, FareBook fareBook,
                     DenyService denyService, ZoneId zone, LocalTime cutover, InstantSource clock,
                     GatewayMetrics metrics) {
        this.database = Objects.requireNonNull(database, "database");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.balances = Objects.requireNonNull(balances, "balances");
        this.fareBook = Objects.requireNonNull(fareBook, "fareBook");
        this.denyService = Objects.requireNonNull(denyService, "denyService");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    private record Outcome(TapBatchAck ack, List<DenyChange> denyChanges, Set<TapId> inserted) {
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
        denyService.publish(outcome.denyChanges());
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
        Map<LocalDate, FareRules> rulesByDay = new HashMap<>();
        Set<TapId> inserted = taps.insertNew(connection, batch, now);
        Map<AccountId, Optional<Account>> known = new HashMap<>();
        List<TapBatchAck.Problem> problems = new ArrayList<>();
        SortedMap<Long, SortedSet<LocalDate>> periods = new TreeMap<>();
        for (SqlTaps.DatedTap dated : batch) {
            TapRecord tap = dated.tap();
            if (!tap.accepted()) {
                continue;
            }
            Optional<Account> account = known.get(tap.accountId());
            if (account == null) {
                account = accounts.find(connection, tap.accountId());
                known.put(tap.accountId(), account);
            }
            FareRules rules = rulesFor(connection, dated.serviceDay(), rulesByDay);
            if (account.isEmpty()) {
                problems.add(new TapBatchAck.Problem(tap.tapId(), "unknown_account",
                        "account " + tap.accountId() + " does not exist; the tap is stored but not charged"));
            } else if (!rules.knowsStation(tap.stationId().value())) {
                problems.add(new TapBatchAck.Problem(tap.tapId(), "unknown_station",
                        "station " + tap.stationId() + " is unknown to the fare rules; the tap is stored but not charged"));
            } else if (inserted.contains(tap.tapId())) {
                periods.computeIfAbsent(tap.accountId().value(), id -> new TreeSet<>()).add(dated.serviceDay());
            }
        }
        addLaterDaysInCapWindows(connection, periods, rulesByDay);
        List<DenyChange> denyChanges = new ArrayList<>();
        Map<Long, Account> locked = new LinkedHashMap<>();
        for (Long id : periods.keySet()) {
            locked.put(id, accounts.lock(connection, AccountId.of(id)).orElseThrow(
                    () -> new SQLException("account " + id + " vanished during ingest")));
        }
        for (Map.Entry<Long, SortedSet<LocalDate>> period : periods.entrySet()) {
            Account account = locked.get(period.getKey());
            long delta = 0;
            for (LocalDate day : period.getValue()) {
                delta = Math.addExact(delta, repriceDay(connection, rulesFor(connection, day, rulesByDay), account, day,
                        now));
            }
            if (delta != 0) {
                denyChanges.addAll(balances.add(connection, account, delta, now).denyChanges());
            }
        }
        List<TapId> committed = batch.stream().map(dated -> dated.tap().tapId()).toList();
        return new Outcome(new TapBatchAck(committed, problems), denyChanges, inserted);
    }

    /**
     * A changed day can change the days after it when caps or tiers span days: the later days with taps
     * within the rules' look-back are repriced too, in day order, after it.
     */
    private void addLaterDaysInCapWindows(Connection connection, SortedMap<Long, SortedSet<LocalDate>> periods,
                                          Map<LocalDate, FareRules> rulesByDay) throws SQLException {
        for (Map.Entry<Long, SortedSet<LocalDate>> period : periods.entrySet()) {
            AccountId account = AccountId.of(period.getKey());
            for (LocalDate day : List.copyOf(period.getValue())) {
                int lookback = rulesFor(connection, day, rulesByDay).lookbackDays();
                if (lookback > 0) {
                    period.getValue().addAll(taps.daysWithAcceptedTaps(connection, account, day, day.plusDays(lookback)));
                }
            }
        }
    }

    /** The rules in force at the start of the service day (its cutover time in the operator's zone). */
    private FareRules rulesFor(Connection connection, LocalDate day, Map<LocalDate, FareRules> known)
            throws SQLException {
        FareRules rules = known.get(day);
        if (rules == null) {
            rules = fareBook.rulesAt(connection, day.atTime(cutover).atZone(zone).toInstant());
            known.put(day, rules);
        }
        return rules;
    }

    /** Re-prices one service day of a locked account; returns the balance change (fares are negative). */
    private long repriceDay(Connection connection, FareRules rules, Account account, LocalDate day, Instant now)
            throws SQLException {
        if (!rules.currency().equals(account.currency())) {
            throw new IllegalStateException("account " + account.id() + " is in " + account.currency()
                    + " but the fare rules charge in " + rules.currency());
        }
        int lookback = rules.lookbackDays();
        List<StoredTap> earlier = lookback == 0 ? List.of()
                : taps.acceptedTaps(connection, account.id(), day.minusDays(lookback), day.minusDays(1));
        List<StoredTap> dayTaps = taps.acceptedTaps(connection, account.id(), day);
        long pricingStarted = System.nanoTime();
        List<Repricing> repricings = PeriodPricer.reprice(rules, account.category(), dayTaps, earlier, now)
                .repricings();
        metrics.dayPriced(System.nanoTime() - pricingStarted);
        long balanceDelta = 0;
        for (Repricing repricing : repricings) {
            if (repricing.recorded() && repricing.deltaMinor() == 0) {
                continue;
            }
            taps.recordCharge(connection, account.id(), day, repricing);
            if (repricing.deltaMinor() != 0) {
                long amount = Math.negateExact(repricing.deltaMinor());
                ledger.post(connection, new LedgerPosting(account.id(), EntryKind.FARE, amount, account.currency(),
                        repricing.tapId(), null, repricing.explanation(), now));
                balanceDelta = Math.addExact(balanceDelta, amount);
            }
        }
        return balanceDelta;
    }
}
