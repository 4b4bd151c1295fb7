package org.faregate.gateway.pricing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
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
import org.faregate.gateway.pricing.SqlPricingWork.Taken;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.wire.DenyChange;

/**
 * Prices account-days in one transaction: locks the accounts (ascending ids), re-prices each whole service
 * day as of now with the fare rules in force at the day's start, writes each tap's new charge, posts only
 * the differences to the ledger (one journal per call, a line per changed tap) and moves the balances
 * (denying or restoring credentials at the floor). The taps of an account it priced before are taken from
 * its {@linkplain PricedTapsMemory memory} while no other node has priced the account since.
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
    private final PricedTapsMemory memory;

    public AccountPricer(SqlAccounts accounts, SqlLedger ledger, Balances balances, FareBook fareBook, ZoneId zone,
                         LocalTime cutover, GatewayMetrics metrics, int rememberedTaps) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.balances = Objects.requireNonNull(balances, "balances");
        this.fareBook = Objects.requireNonNull(fareBook, "fareBook");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.memory = new PricedTapsMemory(rememberedTaps);
    }

    /**
     * What a pricing round changed: deny-list changes to publish after the commit, the days it priced per
     * account (any repricing scheduled earlier for one of them is superseded), and the repricings to
     * schedule (journeys still in progress, finalised at their deadline).
     */
    public record Outcome(List<DenyChange> denyChanges, Map<AccountId, SortedSet<LocalDate>> pricedDays,
                          List<SqlPricingWork.Due> finalisations, Map<AccountId, PricedTapsMemory.Entry> remembered) {
        public Outcome {
            denyChanges = List.copyOf(denyChanges);
            pricedDays = Map.copyOf(pricedDays);
            finalisations = List.copyOf(finalisations);
            remembered = Map.copyOf(remembered);
        }

        /** Whether the round priced that account's day. */
        public boolean priced(AccountId account, LocalDate day) {
            SortedSet<LocalDate> days = pricedDays.get(account);
            return days != null && days.contains(day);
        }
    }

    /**
     * Prices the service days of the due {@code rows} of each account (and the later days within the rules'
     * look-back that their change affects); the taps the rows carry complete what the memory holds of an
     * account, if it still holds it. Accounts that do not exist are skipped.
     */
    public Outcome price(Connection connection, Map<AccountId, List<Taken>> rows, Instant now) throws SQLException {
        ServiceDayRules rulesByDay = new ServiceDayRules(fareBook, connection, zone, cutover);
        Map<AccountId, SortedSet<LocalDate>> work = new LinkedHashMap<>();
        rows.forEach((account, taken) -> {
            SortedSet<LocalDate> days = new TreeSet<>();
            taken.stream().filter(row -> row.isDue(now)).forEach(row -> days.add(row.serviceDay()));
            if (!days.isEmpty()) {
                work.put(account, days);
            }
        });
        Map<AccountId, Account> locked = accounts.lockAll(connection, work.keySet());
        if (locked.isEmpty()) {
            return new Outcome(List.of(), Map.of(), List.of(), Map.of());
        }
        Map<AccountId, PricedTapsMemory.Entry> taps = taps(connection, locked, work, rows, rulesByDay);
        List<SqlTapCharges.ChargeWrite> writes = new ArrayList<>();
        List<LedgerPosting> postings = new ArrayList<>();
        Map<Account, Long> deltas = new LinkedHashMap<>();
        List<SqlPricingWork.Due> finalisations = new ArrayList<>();
        Map<AccountId, SortedSet<LocalDate>> pricedDays = new HashMap<>();
        Map<AccountId, PricedTapsMemory.Entry> remembered = new HashMap<>();
        for (Account account : locked.values()) {
            PricedTapsMemory.Entry read = taps.get(account.id());
            SortedSet<LocalDate> days = daysToPrice(work.get(account.id()), read.days(), rulesByDay);
            long delta = 0;
            for (LocalDate day : days) {
                delta = Math.addExact(delta, priceDay(rulesByDay.of(day), account, day,
                        read.days(), now, writes, postings, finalisations));
            }
            pricedDays.put(account.id(), days);
            deltas.put(account, delta);
            remembered.put(account.id(), new PricedTapsMemory.Entry(account.repriced().pricingVersion(),
                    read.first(), read.last(), read.days()));
        }
        charges.write(connection, writes);
        ledger.postJournal(connection, EntryKind.FARE, postings, "pricing: " + postings.size() + " fare changes", now);
        List<DenyChange> denyChanges = balances.addPriced(connection, deltas, now);
        return new Outcome(denyChanges, pricedDays, finalisations, remembered);
    }

    /** After the round's transaction committed: remember the taps as it left them. */
    public void committed(Outcome outcome) {
        memory.remember(outcome.remembered());
    }

    /**
     * Each locked account's taps on the days its pricing needs: from the memory where it still holds the
     * account, the others read in one statement (over the days all of them need).
     */
    private Map<AccountId, PricedTapsMemory.Entry> taps(Connection connection, Map<AccountId, Account> locked,
                                                        Map<AccountId, SortedSet<LocalDate>> work,
                                                        Map<AccountId, List<Taken>> rows, ServiceDayRules rulesByDay)
            throws SQLException {
        Map<AccountId, PricedTapsMemory.Entry> taps = new HashMap<>();
        List<AccountId> unread = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Account account : locked.values()) {
            SortedSet<LocalDate> days = work.get(account.id());
            int lookback = 0;
            for (LocalDate day : days) {
                lookback = Math.max(lookback, rulesByDay.of(day).lookbackDays());
            }
            LocalDate from = days.first().minusDays(lookback);
            LocalDate to = days.last().plusDays(lookback);
            Optional<PricedTapsMemory.Entry> recalled = memory.recall(account.id(), account.pricingVersion(), from,
                    to, rows.get(account.id()));
            if (recalled.isPresent()) {
                taps.put(account.id(), recalled.get());
            } else {
                unread.add(account.id());
                first = first == null || from.isBefore(first) ? from : first;
                last = last == null || to.isAfter(last) ? to : last;
            }
        }
        metrics.pricingMemory(locked.size() - unread.size(), unread.size());
        if (!unread.isEmpty()) {
            Map<AccountId, NavigableMap<LocalDate, List<StoredTap>>> read = charges.acceptedTaps(connection, unread,
                    first, last);
            for (AccountId account : unread) {
                taps.put(account, new PricedTapsMemory.Entry(locked.get(account).pricingVersion(), first, last,
                        read.getOrDefault(account, new TreeMap<>())));
            }
        }
        return taps;
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

    /**
     * Re-prices one service day of a locked account; returns the balance change (fares are negative). The
     * day's taps in {@code accountTaps} are replaced by the same taps with their new charges.
     */
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
        if (!dayTaps.isEmpty()) {
            List<StoredTap> charged = new ArrayList<>(dayTaps.size());
            for (int i = 0; i < dayTaps.size(); i++) {
                charged.add(dayTaps.get(i).charged(priced.repricings().get(i).newMinor()));
            }
            accountTaps.put(day, charged);
        }
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
