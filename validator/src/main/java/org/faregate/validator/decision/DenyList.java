package org.faregate.validator.decision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;

/**
 * The gate's copy of the deny list: the credentials refused as {@code denied_token}, at a version.
 * A snapshot replaces everything; a delta applies on top of the version it starts from; a change that trips
 * the {@link DenyBreaker} is refused whole and the list stays as it was.
 *
 * <p>Layout: the ids sit in 16,384 buckets by the top 14 bits of the UUID, each bucket an immutable sorted
 * {@code long[]} of (most, least) pairs ({@link SortedIds}): 16 bytes an id plus 16 bytes a non-empty
 * bucket, about 160.3 MB for 10 million ids, and no object per entry (reasons and per-entry versions are not
 * kept: the gate only needs membership). A lookup is a lock-free read of one bucket and a search of its
 * {@code size / 16384} ids (610 at 10 million) that starts where a uniformly random id would sit and gallops
 * from there (a few positions for random UUIDs; still correct, only slower, for skewed ones). Writers (apply, restore, export, snapshot) are
 * serialised; a change builds a merged copy of each bucket it touches and publishes it, so a 100k delta needs
 * only one bucket of extra memory at a time, not a second list. While a change is being published a reader
 * may see it in some buckets and not yet in others; each credential flips once, and {@link #version()} moves
 * after the last bucket.
 */
public final class DenyList {

    /** What happened to a delta offered to {@link #apply}. */
    public enum Outcome {
        /** The changes are now in the list (or were already: nothing newer was in the delta). */
        APPLIED,
        /** The delta starts after this list's version: changes are missing, ask for a snapshot. */
        GAP,
        /** The change would deny implausibly many credentials ({@link DenyBreaker}); the list is unchanged. */
        REFUSED
    }

    /**
     * The outcome of {@link #apply} with its counts: credentials newly denied and denials lifted (or, when
     * refused, that would have been), and why it was refused.
     */
    public record Result(Outcome outcome, int newlyDenied, int lifted, Optional<String> refusal) {

        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(refusal, "refusal");
        }

        public static Result gap() {
            return new Result(Outcome.GAP, 0, 0, Optional.empty());
        }
    }

    /** Receives ids in ascending unsigned (most, least) order (an adapter's I/O fault travels unchecked). */
    public interface IdSink {
        void id(long most, long least);
    }

    /** Ids in ascending unsigned (most, least) order, the same ones on every call. */
    public interface IdSource {
        void forEach(IdSink sink);
    }

    /** Receives the whole list: its version and size, then every id in order. */
    public interface Exporter extends IdSink {
        void begin(long version, int size);
    }

    static final int BUCKET_BITS = 14;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final Comparator<DenyChange> BY_ID = (a, b) -> {
        UUID x = a.credentialId().value();
        UUID y = b.credentialId().value();
        return SortedIds.compare(x.getMostSignificantBits(), x.getLeastSignificantBits(),
                y.getMostSignificantBits(), y.getLeastSignificantBits());
    };

    private final DenyBreaker breaker;
    private final AtomicReferenceArray<long[]> buckets = new AtomicReferenceArray<>(BUCKETS);
    private volatile long version;
    private volatile int size;

    public DenyList(DenyBreaker breaker) {
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        for (int b = 0; b < BUCKETS; b++) {
            buckets.set(b, SortedIds.EMPTY);
        }
    }

    /** A list with the {@link DenyBreaker#DEFAULT} breaker. */
    public DenyList() {
        this(DenyBreaker.DEFAULT);
    }

    public long version() {
        return version;
    }

    public boolean isDenied(CredentialId id) {
        long most = id.value().getMostSignificantBits();
        return SortedIds.containsNear(buckets.get(bucket(most)), most, id.value().getLeastSignificantBits(),
                (most << BUCKET_BITS) >>> 32);
    }

    public int size() {
        return size;
    }

    public synchronized Result apply(DenyListDelta delta) {
        if (delta.snapshot()) {
            return replace(delta);
        }
        if (delta.fromVersion() > version) {
            return Result.gap();
        }
        List<DenyChange> newer = new ArrayList<>();
        for (DenyChange change : delta.changes()) {
            if (change.version() > version) {
                newer.add(change);
            }
        }
        newer.sort(Comparator.comparingLong(DenyChange::version));
        Map<CredentialId, DenyChange> last = new HashMap<>();
        for (DenyChange change : newer) {
            last.put(change.credentialId(), change);
        }
        Changes changes = Changes.sorted(new ArrayList<>(last.values()));
        Result result = check(changes);
        if (result.outcome() == Outcome.APPLIED) {
            for (int b = 0; b < BUCKETS; b++) {
                if (changes.start[b] < changes.start[b + 1]) {
                    buckets.set(b, SortedIds.merge(buckets.get(b), changes.ids, changes.denied,
                            changes.start[b], changes.start[b + 1]));
                }
            }
            size += result.newlyDenied() - result.lifted();
            version = Math.max(version, delta.toVersion());
        }
        return result;
    }

    private Result replace(DenyListDelta snapshot) {
        List<DenyChange> denials = new ArrayList<>();
        for (DenyChange change : snapshot.changes()) {
            if (change.denied()) {
                denials.add(change);
            }
        }
        denials.sort(BY_ID);
        Snapshot built = new Snapshot();
        for (DenyChange change : denials) {
            UUID id = change.credentialId().value();
            built.addIfNew(id.getMostSignificantBits(), id.getLeastSignificantBits());
        }
        return replace(snapshot.toVersion(), built);
    }

    /**
     * Replaces the whole list with a received snapshot at {@code newVersion}, unless the breaker refuses what
     * it would newly deny (a list that never had a version takes any snapshot).
     */
    public synchronized Result replace(long newVersion, Snapshot snapshot) {
        long[][] next = snapshot.finish();
        int newlyDenied = 0;
        for (int b = 0; b < BUCKETS; b++) {
            long[] current = buckets.get(b);
            long[] ids = next[b];
            for (int i = 0; i < ids.length; i += 2) {
                if (!SortedIds.contains(current, ids[i], ids[i + 1])) {
                    newlyDenied++;
                }
            }
        }
        int lifted = size - (snapshot.count() - newlyDenied);
        Optional<String> refusal = version == 0 && size == 0 ? Optional.empty() : breaker.refusal(size, newlyDenied);
        if (refusal.isPresent()) {
            return new Result(Outcome.REFUSED, newlyDenied, lifted, refusal);
        }
        for (int b = 0; b < BUCKETS; b++) {
            buckets.set(b, next[b]);
        }
        size = snapshot.count();
        version = newVersion;
        return new Result(Outcome.APPLIED, newlyDenied, lifted, refusal);
    }

    /**
     * A snapshot as it is received: ids in ascending order go straight into exact-size buckets (a small
     * scratch array holds the bucket being filled), so taking a 10-million-id snapshot costs one more list's
     * worth of heap (about 160 MB) until it replaces the old list, and no object per id.
     */
    public static final class Snapshot {
        private final long[][] filled = new long[BUCKETS][];
        private long[] scratch = new long[64];
        private int used;
        private int bucket = -1;
        private int count;
        private long lastMost;
        private long lastLeast;
        private boolean finished;

        /** Adds the next id; ids must ascend (unsigned), each once. */
        public void add(long most, long least) {
            if (count > 0 && SortedIds.compare(lastMost, lastLeast, most, least) >= 0) {
                throw new IllegalArgumentException("snapshot ids must ascend, each once (id " + count + ")");
            }
            addIfNew(most, least);
        }

        /** Adds the next id, skipping it if it repeats the last one; ids must not descend. */
        void addIfNew(long most, long least) {
            if (finished) {
                throw new IllegalStateException("snapshot already taken");
            }
            if (count > 0) {
                int order = SortedIds.compare(lastMost, lastLeast, most, least);
                if (order == 0) {
                    return;
                }
                if (order > 0) {
                    throw new IllegalArgumentException("snapshot ids must ascend (id " + count + ")");
                }
            }
            int b = bucket(most);
            if (b != bucket) {
                flush();
                bucket = b;
            }
            if (used == scratch.length) {
                scratch = Arrays.copyOf(scratch, 2 * used);
            }
            scratch[used++] = most;
            scratch[used++] = least;
            lastMost = most;
            lastLeast = least;
            count++;
        }

        public int count() {
            return count;
        }

        private void flush() {
            if (bucket >= 0) {
                filled[bucket] = Arrays.copyOf(scratch, used);
                used = 0;
            }
        }

        private long[][] finish() {
            if (!finished) {
                flush();
                finished = true;
                for (int b = 0; b < BUCKETS; b++) {
                    if (filled[b] == null) {
                        filled[b] = SortedIds.EMPTY;
                    }
                }
            }
            return filled;
        }
    }

    /** Counts what the changes would do and asks the breaker; a list that has never had a version is not checked. */
    private Result check(Changes changes) {
        int newlyDenied = 0;
        int lifted = 0;
        for (int c = 0; c < changes.count(); c++) {
            long most = changes.ids[2 * c];
            boolean present = SortedIds.contains(buckets.get(bucket(most)), most, changes.ids[2 * c + 1]);
            if (changes.denied[c] && !present) {
                newlyDenied++;
            } else if (!changes.denied[c] && present) {
                lifted++;
            }
        }
        Optional<String> refusal = version == 0 && size == 0 ? Optional.empty()
                : breaker.refusal(size, newlyDenied);
        return new Result(refusal.isPresent() ? Outcome.REFUSED : Outcome.APPLIED, newlyDenied, lifted, refusal);
    }

    /** The whole list as a snapshot delta (reasons are not kept: each reads {@code "denied"}). */
    public synchronized DenyListDelta snapshot() {
        List<DenyChange> changes = new ArrayList<>(size);
        long at = Math.max(1, version);
        for (int b = 0; b < BUCKETS; b++) {
            long[] ids = buckets.get(b);
            for (int i = 0; i < ids.length; i += 2) {
                changes.add(new DenyChange(new CredentialId(new UUID(ids[i], ids[i + 1])), true, at, "denied"));
            }
        }
        return new DenyListDelta(0, version, true, changes);
    }

    /** Hands the whole list, consistent with its version, to {@code out} (for the state file). */
    public synchronized void export(Exporter out) {
        out.begin(version, size);
        for (int b = 0; b < BUCKETS; b++) {
            long[] ids = buckets.get(b);
            for (int i = 0; i < ids.length; i += 2) {
                out.id(ids[i], ids[i + 1]);
            }
        }
    }

    /**
     * Replaces the list with {@code count} ids at {@code version}, read twice from {@code source} (once to size
     * the buckets, once to fill them), without the breaker: this is the gate's own saved list.
     *
     * @throws IllegalArgumentException when the ids are out of order, repeated, or not {@code count} of them
     */
    public synchronized void restore(long version, int count, IdSource source) {
        if (version < 0 || count < 0) {
            throw new IllegalArgumentException("negative version " + version + " or count " + count);
        }
        int[] sizes = new int[BUCKETS];
        long[] previous = {0, 0, -1};
        source.forEach((most, least) -> {
            if (previous[2] >= 0 && SortedIds.compare(previous[0], previous[1], most, least) >= 0) {
                throw new IllegalArgumentException("deny-list ids out of order or repeated at id " + (previous[2] + 1));
            }
            previous[0] = most;
            previous[1] = least;
            previous[2]++;
            sizes[bucket(most)]++;
        });
        if (previous[2] + 1 != count) {
            throw new IllegalArgumentException("expected " + count + " deny-list ids, read " + (previous[2] + 1));
        }
        long[][] filled = new long[BUCKETS][];
        for (int b = 0; b < BUCKETS; b++) {
            filled[b] = sizes[b] == 0 ? SortedIds.EMPTY : new long[2 * sizes[b]];
        }
        int[] next = new int[BUCKETS];
        source.forEach((most, least) -> {
            int b = bucket(most);
            if (next[b] == filled[b].length) {
                throw new IllegalArgumentException("deny-list ids changed between two reads");
            }
            filled[b][next[b]++] = most;
            filled[b][next[b]++] = least;
        });
        for (int b = 0; b < BUCKETS; b++) {
            buckets.set(b, filled[b]);
        }
        this.size = count;
        this.version = version;
    }

    private static int bucket(long most) {
        return (int) (most >>> (Long.SIZE - BUCKET_BITS));
    }

    /** Changes sorted by id, one per id, as pairs in {@code ids}, with where each bucket's changes start. */
    private record Changes(long[] ids, boolean[] denied, int[] start) {

        static Changes sorted(List<DenyChange> changes) {
            changes.sort(BY_ID);
            long[] ids = new long[2 * changes.size()];
            boolean[] denied = new boolean[changes.size()];
            int[] start = new int[BUCKETS + 1];
            int n = 0;
            for (DenyChange change : changes) {
                long most = change.credentialId().value().getMostSignificantBits();
                long least = change.credentialId().value().getLeastSignificantBits();
                if (n > 0 && ids[2 * n - 2] == most && ids[2 * n - 1] == least) {
                    continue;
                }
                ids[2 * n] = most;
                ids[2 * n + 1] = least;
                denied[n] = change.denied();
                start[bucket(most) + 1]++;
                n++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                start[b + 1] += start[b];
            }
            return new Changes(ids, denied, start);
        }

        int count() {
            return start[BUCKETS];
        }
    }
}
