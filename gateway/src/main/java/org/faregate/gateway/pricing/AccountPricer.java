package org.faregate.gateway.pricing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.faregate.fares.FareRules;
import org.faregate.gateway.accounts.Account;
import org.faregate.gateway.accounts.Balances;
import org.faregate.gateway.accounts.SqlAccounts;
import org.faregate.gateway.ledger.EntryKind;
import org.faregate.gateway.ledger.LedgerPosting;
import org.faregate.gateway.ledger.SqlLedger;
import org.faregate.gateway.metrics.GatewayMetrics;
import org.faregate.gateway.pricing.PeriodPricer.Repricing;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.wire.DenyChange;

/**
 * Prices account-days in one transaction: locks the accounts (ascending ids), re-prices each whole service
 * day as of now with the fare rules in force at the day's start, writes each tap's new charge, posts only
 * the differences to the ledger (one journal per call, a line per changed tap) and moves the balances
 * (denying or restoring credentials at the floor).
 * A journey still in progress (its exit may yet come) is charged nothing now and its day is scheduled
 * for repricing at its deadline, when it is finalised at the maximum fare if no exit came.
 * A constant number of statements per call, however many accounts it prices. Blocking; the caller owns
 * the transaction.
 */
public final class AccountPricer {

    private final SqlAccounts accounts;
    private final SqlLedger ledger;
    private final Balances balances;
    private final FareBook fareBook;
    private final ZoneId zone;
    private final LocalTime cutover;
    private final GatewayMetrics metrics;
    private final SqlTapCharges charges = new SqlTapCharges();

    public AccountPricer(SqlAccounts accounts, SqlLedger ledger, Balances balances, FareBook fareBook, ZoneId zone,
                         LocalTime cutover, GatewayMetrics metrics) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.balances = Objects.requireNonNull(balances, "balances");
        this.fareBook = Objects.requireNonNull(fareBook, "fareBook");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * What a pricing round changed: deny-list changes to publish after the commit, the repricings to
     * schedule (journeys still in progress, finalised at their deadline), and its size.
     */
    public record Outcome(List<DenyChange> denyChanges, List<SqlPricingWork.Due> finalisations, int accounts,
                          int days, int chargesWritten) {
        public Outcome {
            denyChanges = List.copyOf(denyChanges);
            finalisations = List.copyOf(finalisations);
        }
    }

    /**
     * Prices the given service days of the given accounts (and the later days within the rules' look-back
     * that their change affects). Accounts that do not exist are skipped.
     */
    public Outcome price(Connection connection, Map<AccountId, SortedSet<LocalDate>> work, Instant now)
            throws SQLException {
        ServiceDayRules rulesByDay = new ServiceDayRules(fareBook, connection, zone, cutover);
        Map<AccountId, Account> locked = accounts.lockAll(connection, work.keySet());
        if (locked.isEmpty()) {
            return new Outcome(List.of(), List.of(), 0, 0, 0);
        }
        LocalDate first = null;
        LocalDate last = null;
        int lookback = 0;
        for (AccountId id : locked.keySet()) {
            for (LocalDate day : work.get(id)) {
                lookback = Math.max(lookback, rulesByDay.of(day).lookbackDays());
                first = first == null || day.isBefore(first) ? day : first;
                last = last == null || day.isAfter(last) ? day : last;
            }
        }
        Map<AccountId, NavigableMap<LocalDate, List<StoredTap>>> taps = charges.acceptedTaps(connection,
                locked.keySet(), first.minusDays(lookback), last.plusDays(lookback));
        List<SqlTapCharges.ChargeWrite> writes = new ArrayList<>();
        List<LedgerPosting> postings = new ArrayList<>();
        Map<Account, Long> deltas = new LinkedHashMap<>();
        List<SqlPricingWork.Due> finalisations = new ArrayList<>();
        int days = 0;
        for (Account account : locked.values()) {
            NavigableMap<LocalDate, List<StoredTap>> accountTaps = taps.getOrDefault(account.id(), Collections.emptyNavigableMap());
            long delta = 0;
            for (LocalDate day : daysToPrice(work.get(account.id()), accountTaps, rulesByDay)) {
                delta = Math.addExact(delta, priceDay(rulesByDay.of(day), account, day,
                        accountTaps, now, writes, postings, finalisations));
                days++;
            }
            if (delta != 0) {
                deltas.put(account, delta);
            }
        }
        charges.write(connection, writes);
        ledger.postJournal(connection, EntryKind.FARE, postings, "pricing: " + postings.size() + " fare changes", now);
        List<DenyChange> denyChanges = balances.addAll(connection, deltas, now);
        return new Outcome(denyChanges, finalisations, locked.size(), days, writes.size());
    }

    /**
     * The days asked for, plus the later days with taps within each day's look-back: a changed day can
     * change the days after it when caps or tiers span days. Ascending, so each day sees the ones before.
     */
    private static SortedSet<LocalDate> daysToPrice(SortedSet<LocalDate> asked,
                                                    NavigableMap<LocalDate, List<StoredTap>> accountTaps,
                                                    ServiceDayRules rulesByDay) throws SQLException {
        SortedSet<LocalDate> days = new TreeSet<>(asked);
        for (LocalDate day : asked) {
            int lookback = rulesByDay.of(day).lookbackDays();
            if (lookback > 0) {
                days.addAll(accountTaps.subMap(day, false, day.plusDays(lookback), true).keySet());
            }
        }
        return days;
    }

    /** Re-prices one service day of a locked account; returns the balance change (fares are negative). */
    private long priceDay(FareRules rules, Account account, LocalDate day,
                          NavigableMap<LocalDate, List<StoredTap>> accountTaps, Instant now,
                          List<SqlTapCharges.ChargeWrite> writes, List<LedgerPosting> postings,
                          List<SqlPricingWork.Due> finalisations) {
        if (!rules.currency().equals(account.currency())) {
            throw new IllegalStateException("account " + account.id() + " is in " + account.currency()
                    + " but the fare rules charge in " + rules.currency());
        }
        int lookback = rules.lookbackDays();
        List<StoredTap> earlier = new ArrayList<>();
        if (lookback > 0) {
            accountTaps.subMap(day.minusDays(lookback), true, day, false).values().forEach(earlier::addAll);
        }
        List<StoredTap> dayTaps = accountTaps.getOrDefault(day, List.of());
        long started = System.nanoTime();
        PeriodPricer.Priced priced = PeriodPricer.reprice(rules, account.category(), dayTaps, earlier, now);
        metrics.dayPriced(System.nanoTime() - started);
        priced.finaliseAt().ifPresent(deadline -> finalisations.add(new SqlPricingWork.Due(account.id(), day, deadline)));
        long balanceDelta = 0;
        for (Repricing repricing : priced.repricings()) {
            if (repricing.recorded() && repricing.deltaMinor() == 0) {
                continue;
            }
            writes.add(new SqlTapCharges.ChargeWrite(account.id(), day, repricing));
            if (repricing.deltaMinor() != 0) {
                long amount = Math.negateExact(repricing.deltaMinor());
                postings.add(new LedgerPosting(account.id(), EntryKind.FARE, amount, account.currency(),
                        repricing.tapId(), null, repricing.explanation(), now));
                balanceDelta = Math.addExact(balanceDelta, amount);
            }
        }
        return balanceDelta;
    }
}
