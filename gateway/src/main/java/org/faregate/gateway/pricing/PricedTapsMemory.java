package org.faregate.gateway.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.pricing.SqlPricingWork.Taken;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;

/**
 * What this node's pricer last committed per account: the account's accepted taps on a range of service
 * days with their charges, and the {@linkplain org.faregate.gateway.accounts.Account#pricingVersion pricing
 * version} that round gave the account. Every tap stored since came with a queue row that carries it, so a
 * later round that finds the account still at that version (no other node priced it since) and the range
 * covering the days it needs takes the remembered taps plus the taps of the rows it took, instead of
 * reading the days again. A tap both remembered and carried (its row was queued after the day was read)
 * counts once; a row that carries no taps (queued by an older gateway) makes the memory useless for that
 * round. Bounded: past {@code maxTaps} taps the accounts used longest ago are forgotten.
 */
final class PricedTapsMemory {

    /**
     * Taps of one account from {@code first} to {@code last} inclusive, by day, each day in time order. An
     * entry owns its map: the memory hands out copies and keeps what it is given.
     */
    record Entry(long version, LocalDate first, LocalDate last, NavigableMap<LocalDate, List<StoredTap>> days) {
        Entry {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(days, "days");
        }

        int taps() {
            return days.values().stream().mapToInt(List::size).sum();
        }

        boolean covers(LocalDate from, LocalDate to) {
            return !first.isAfter(from) && !last.isBefore(to);
        }
    }

    /** The order pricing reads a day's taps in: time, then tap id. */
    private static final Comparator<StoredTap> TIME_ORDER =
            Comparator.comparing(StoredTap::at).thenComparing(tap -> tap.tapId().toString());

    private final int maxTaps;
    private final LinkedHashMap<AccountId, Entry> entries = new LinkedHashMap<>(1_024, 0.75f, true);
    private long taps;

    PricedTapsMemory(int maxTaps) {
        if (maxTaps < 0) {
            throw new IllegalArgumentException("maxTaps must not be negative: " + maxTaps);
        }
        this.maxTaps = maxTaps;
    }

    /**
     * What the memory holds of the account (at least {@code from} to {@code to}) with the taps of its
     * {@code rows} added, if it holds the account at {@code version} over those days; else empty (the
     * caller reads the days from the database). The entry is a copy, the caller's to change.
     */
    synchronized Optional<Entry> recall(AccountId account, long version, LocalDate from, LocalDate to,
                                        Collection<Taken> rows) {
        Entry entry = entries.get(account);
        if (entry == null || entry.version() != version || !entry.covers(from, to)
                || rows.stream().anyMatch(row -> row.taps().isEmpty())) {
            return Optional.empty();
        }
        NavigableMap<LocalDate, List<StoredTap>> days = copy(entry.days());
        Set<TapId> known = new HashSet<>();
        days.values().forEach(day -> day.forEach(tap -> known.add(tap.tapId())));
        Set<LocalDate> changed = new HashSet<>();
        for (Taken row : rows) {
            if (!entry.covers(row.serviceDay(), row.serviceDay())) {
                continue;
            }
            for (StoredTap tap : row.taps().orElseThrow()) {
                if (known.add(tap.tapId())) {
                    days.computeIfAbsent(row.serviceDay(), day -> new ArrayList<>()).add(tap);
                    changed.add(row.serviceDay());
                }
            }
        }
        changed.forEach(day -> days.get(day).sort(TIME_ORDER));
        return Optional.of(new Entry(version, entry.first(), entry.last(), days));
    }

    /** Remembers what a committed round left (replacing what was remembered of those accounts). */
    synchronized void remember(Map<AccountId, Entry> committed) {
        committed.forEach((account, entry) -> {
            Entry previous = entries.put(account, entry);
            taps += entry.taps() - (previous == null ? 0 : previous.taps());
        });
        var eldest = entries.entrySet().iterator();
        while (taps > maxTaps && eldest.hasNext()) {
            taps -= eldest.next().getValue().taps();
            eldest.remove();
        }
    }

    private static NavigableMap<LocalDate, List<StoredTap>> copy(Map<LocalDate, List<StoredTap>> days) {
        NavigableMap<LocalDate, List<StoredTap>> copy = new TreeMap<>();
        days.forEach((day, taps) -> copy.put(day, new ArrayList<>(taps)));
        return copy;
    }
}
