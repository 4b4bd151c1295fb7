package org.faregate.simulator.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareRules;
import org.faregate.fares.FareTap;
import org.faregate.fares.ServiceDay;
import org.faregate.fares.TapEvent;
import org.faregate.protocol.Direction;

/**
 * Checks the gateway's database against the simulator's own record: every tap the simulator made is
 * there with the same decision; every accepted tap is charged exactly what pricing the simulator's own
 * record gives; every balance equals the sum of its wallet postings and every ledger transaction sums to zero.
 * Pricing is as of a time, as the gateway's is: a rider's last entry whose exit may still come (its maximum
 * journey time has not passed) is a journey in progress, and nothing is charged for it yet.
 */
public final class LedgerCheck {

    private static final int MAX_PROBLEM_LINES = 50;

    private final FareRules rules;
    private final ZoneId zone;
    private final LocalTime cutover;

    public LedgerCheck(FareRules rules, ZoneId zone, LocalTime cutover) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
    }

    /** @param asOf the time the gateway priced at (its clock when its pricing queue was last empty) */
    public Verification verify(Connection db, List<KnownTap> known, Instant asOf) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<UUID, String> storedReasons = query(db, "select tap_id, reason from taps",
                row -> (UUID) row.getObject(1), row -> row.getString(2));
        Map<UUID, Long> charged = query(db,
                "select p.tap_id, -sum(p.amount_minor) from ledger_postings p"
                        + " join ledger_transactions t on t.id = p.transaction_id"
                        + " where t.kind = 'fare' and p.book = 'wallet' and p.tap_id is not null"
                        + " group by p.tap_id", row -> (UUID) row.getObject(1), row -> row.getLong(2));
        Map<UUID, Long> expected = expectedCharges(known, asOf);

        long lost = 0;
        long accepted = 0;
        for (KnownTap tap : known) {
            UUID id = tap.tapId().value();
            accepted += tap.reason().accepted() ? 1 : 0;
            String stored = storedReasons.get(id);
            if (stored == null) {
                lost++;
                note(problems, "tap " + id + " at " + tap.stationId() + " " + tap.at() + " is not in the gateway");
            } else if (!stored.equals(tap.reason().code())) {
                note(problems, "tap " + id + " decided " + tap.reason().code() + " but stored as " + stored);
            }
        }
        if (storedReasons.size() != known.size()) {
            note(problems, "the gateway holds " + storedReasons.size() + " taps; the simulator made " + known.size());
        }
        long doubleCharged = 0;
        long mischarged = 0;
        Map<UUID, Long> everyCharged = new HashMap<>(expected);
        charged.keySet().forEach(id -> everyCharged.putIfAbsent(id, 0L));
        for (Map.Entry<UUID, Long> entry : everyCharged.entrySet()) {
            long want = expected.getOrDefault(entry.getKey(), 0L);
            long got = charged.getOrDefault(entry.getKey(), 0L);
            if (got != want) {
                mischarged++;
                doubleCharged += got > want ? 1 : 0;
                note(problems, "tap " + entry.getKey() + " charged " + got + " but its fare is " + want);
            }
        }
        long chargedTotal = charged.values().stream().mapToLong(Long::longValue).sum();
        long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
        boolean balanced = ledgerBalanced(db, problems);
        return new Verification(known.size(), accepted, known.size() - accepted, chargedTotal, expectedTotal,
                rules.currency().getCurrencyCode(), lost, doubleCharged, mischarged, balanced, problems);
    }

    /** Prices the simulator's own record of accepted taps, per account and service day, as of {@code asOf}. */
    Map<UUID, Long> expectedCharges(List<KnownTap> known, Instant asOf) {
        Map<String, List<FareTap>> periods = new HashMap<>();
        for (KnownTap tap : known) {
            if (tap.reason().accepted()) {
                LocalDate day = ServiceDay.of(tap.at(), zone, cutover);
                periods.computeIfAbsent(tap.account() + "/" + day, key -> new ArrayList<>())
                        .add(new FareTap(tap.tapId().toString(), tap.at(), tap.stationId(), event(tap.direction()),
                                tap.riderCategory()));
            }
        }
        Map<UUID, Long> expected = new HashMap<>();
        for (List<FareTap> period : periods.values()) {
            for (FareCharge charge : rules.price(period)) {
                expected.put(UUID.fromString(charge.tapId()), charge.amount().minor());
            }
            openEntry(period, asOf).ifPresent(entry -> expected.put(UUID.fromString(entry.tapId()), 0L));
        }
        return expected;
    }

    /** The period's last tap when it is an entry whose maximum journey time has not passed at {@code asOf}. */
    private Optional<FareTap> openEntry(List<FareTap> period, Instant asOf) {
        FareTap last = Collections.max(period, Comparator.comparing(FareTap::at).thenComparing(FareTap::tapId));
        return rules.maxJourneyTime(last).filter(maximum -> last.at().plus(maximum).isAfter(asOf)).map(maximum -> last);
    }

    /** Every balance equals its account's wallet postings, and every ledger transaction sums to zero. */
    private static boolean ledgerBalanced(Connection db, List<String> problems) throws SQLException {
        boolean balanced = true;
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select a.id, a.balance_minor, coalesce(sum(p.amount_minor), 0)"
                     + " from accounts a left join ledger_postings p on p.account_id = a.id and p.book = 'wallet'"
                     + " group by a.id, a.balance_minor")) {
            while (rows.next()) {
                if (rows.getLong(2) != rows.getLong(3)) {
                    balanced = false;
                    note(problems, "account " + rows.getLong(1) + " balance " + rows.getLong(2)
                            + " but its wallet postings sum to " + rows.getLong(3));
                }
            }
        }
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select transaction_id, currency, sum(amount_minor)"
                     + " from ledger_postings group by transaction_id, currency having sum(amount_minor) <> 0")) {
            while (rows.next()) {
                balanced = false;
                note(problems, "ledger transaction " + rows.getObject(1) + " sums to " + rows.getLong(3) + " "
                        + rows.getString(2).trim() + ", not zero");
            }
        }
        return balanced;
    }

    private static TapEvent event(Direction direction) {
        return switch (direction) {
            case ENTRY -> TapEvent.ENTRY;
            case EXIT -> TapEvent.EXIT;
            case BOARD -> TapEvent.BOARD;
        };
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <K, V> Map<K, V> query(Connection db, String sql, Column<K> key, Column<V> value)
            throws SQLException {
        Map<K, V> result = new HashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.put(key.read(rows), value.read(rows));
            }
        }
        return result;
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEM_LINES) {
            problems.add(problem);
        } else if (problems.size() == MAX_PROBLEM_LINES) {
            problems.add("… more problems not listed");
        }
    }
}
