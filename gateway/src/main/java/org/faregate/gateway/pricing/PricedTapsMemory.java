package org.faregate.gateway.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.gateway.pricing.SqlPricingWork.Taken;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.StationId;
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
 *
 * <p>Held packed: an account's taps as six longs each in one array, stations and routes as indexes into
 * tables of the ones seen. The memory lives for minutes and every round replaces the entries of the accounts
 * it priced; held as objects (a tap, its id, time, charge, station and route: about 220 bytes in eight
 * objects) those entries were what the young collections kept copying: in a 100,000-account load run each
 * collection copied 120-128 MB of survivors and paused 82-166 ms; packed, 52-72 MB and 20-49 ms. A packed
 * entry is three arrays the collector copies without looking inside. A round gets its taps as objects,
 * built afresh and dropped when it ends.
 */
final class PricedTapsMemory {

    /**
     * Taps of one account from {@code first} to {@code last} inclusive, by day, each day in time order. An
     * entry owns its map: the memory hands out new entries and packs what it is given.
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

    /** Longs per packed tap: id (two), epoch second, nanos with flags, charge, station and route indexes. */
    private static final int WORDS = 6;
    /** Distinct stations or routes past which the memory forgets everything and starts its tables again. */
    private static final int MAX_NAMES = 1 << 20;

    private final int maxTaps;
    private final int maxNames;
    private final LinkedHashMap<AccountId, Packed> entries = new LinkedHashMap<>(1_024, 0.75f, true);
    private final Names<StationId> stations = new Names<>();
    private final Names<Optional<String>> routes = new Names<>();
    private long taps;

    PricedTapsMemory(int maxTaps) {
        this(maxTaps, MAX_NAMES);
    }

    PricedTapsMemory(int maxTaps, int maxNames) {
        if (maxTaps < 0 || maxNames < 1) {
            throw new IllegalArgumentException("maxTaps must not be negative nor maxNames below one: " + maxTaps
                    + ", " + maxNames);
        }
        this.maxTaps = maxTaps;
        this.maxNames = maxNames;
    }

    /**
     * What the memory holds of the account (at least {@code from} to {@code to}) with the taps of its
     * {@code rows} added, if it holds the account at {@code version} over those days; else empty (the
     * caller reads the days from the database). The entry is new, the caller's to change.
     */
    synchronized Optional<Entry> recall(AccountId account, long version, LocalDate from, LocalDate to,
                                        Collection<Taken> rows) {
        Packed packed = entries.get(account);
        if (packed == null || packed.version() != version || !packed.covers(from, to)
                || rows.stream().anyMatch(row -> row.taps().isEmpty())) {
            return Optional.empty();
        }
        NavigableMap<LocalDate, List<StoredTap>> days = unpack(packed);
        Set<TapId> known = new HashSet<>();
        days.values().forEach(day -> day.forEach(tap -> known.add(tap.tapId())));
        Set<LocalDate> changed = new HashSet<>();
        for (Taken row : rows) {
            if (!packed.covers(row.serviceDay(), row.serviceDay())) {
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
        return Optional.of(new Entry(version, packed.first(), packed.last(), days));
    }

    /** Remembers what a committed round left (replacing what was remembered of those accounts). */
    synchronized void remember(Map<AccountId, Entry> committed) {
        committed.forEach((account, entry) -> {
            Packed previous = entries.put(account, pack(entry));
            taps += entry.taps() - (previous == null ? 0 : previous.taps());
        });
        if (stations.size() > maxNames || routes.size() > maxNames) {
            entries.clear();
            stations.clear();
            routes.clear();
            taps = 0;
        }
        var eldest = entries.entrySet().iterator();
        while (taps > maxTaps && eldest.hasNext()) {
            taps -= eldest.next().getValue().taps();
            eldest.remove();
        }
    }

    /** An entry as arrays: {@code dayEnds[d]} is where day {@code epochDays[d]}'s taps end in {@code words}. */
    private record Packed(long version, LocalDate first, LocalDate last, long[] epochDays, int[] dayEnds,
                          long[] words) {
        int taps() {
            return words.length / WORDS;
        }

        boolean covers(LocalDate from, LocalDate to) {
            return !first.isAfter(from) && !last.isBefore(to);
        }
    }

    private Packed pack(Entry entry) {
        int dayCount = entry.days().size();
        long[] epochDays = new long[dayCount];
        int[] dayEnds = new int[dayCount];
        long[] words = new long[entry.taps() * WORDS];
        int d = 0;
        int w = 0;
        for (Map.Entry<LocalDate, List<StoredTap>> day : entry.days().entrySet()) {
            for (StoredTap tap : day.getValue()) {
                UUID id = tap.tapId().value();
                words[w] = id.getMostSignificantBits();
                words[w + 1] = id.getLeastSignificantBits();
                words[w + 2] = tap.at().getEpochSecond();
                words[w + 3] = (long) tap.at().getNano() << 3 | (tap.chargedMinor() == null ? 0 : 4)
                        | tap.direction().ordinal();
                words[w + 4] = tap.chargedMinor() == null ? 0 : tap.chargedMinor();
                words[w + 5] = (long) stations.indexOf(tap.station()) << 32 | routes.indexOf(tap.routeId());
                w += WORDS;
            }
            epochDays[d] = day.getKey().toEpochDay();
            dayEnds[d] = w;
            d++;
        }
        return new Packed(entry.version(), entry.first(), entry.last(), epochDays, dayEnds, words);
    }

    private NavigableMap<LocalDate, List<StoredTap>> unpack(Packed packed) {
        Direction[] directions = Direction.values();
        NavigableMap<LocalDate, List<StoredTap>> days = new TreeMap<>();
        int w = 0;
        for (int d = 0; d < packed.epochDays().length; d++) {
            List<StoredTap> day = new ArrayList<>((packed.dayEnds()[d] - w) / WORDS + 1);
            for (; w < packed.dayEnds()[d]; w += WORDS) {
                long[] words = packed.words();
                long flags = words[w + 3];
                day.add(new StoredTap(new TapId(new UUID(words[w], words[w + 1])),
                        Instant.ofEpochSecond(words[w + 2], flags >>> 3), stations.get((int) (words[w + 5] >>> 32)),
                        directions[(int) (flags & 3)], routes.get((int) words[w + 5]),
                        (flags & 4) == 0 ? null : words[w + 4]));
            }
            days.put(LocalDate.ofEpochDay(packed.epochDays()[d]), day);
        }
        return days;
    }

    /** Distinct values by index, each kept once however many taps name it. */
    private static final class Names<T> {
        private final List<T> byIndex = new ArrayList<>();
        private final Map<T, Integer> indexes = new HashMap<>();

        int indexOf(T value) {
            return indexes.computeIfAbsent(value, key -> {
                byIndex.add(key);
                return byIndex.size() - 1;
            });
        }

        T get(int index) {
            return byIndex.get(index);
        }

        int size() {
            return byIndex.size();
        }

        void clear() {
            byIndex.clear();
            indexes.clear();
        }
    }
}
