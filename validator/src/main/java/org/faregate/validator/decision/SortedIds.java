package org.faregate.validator.decision;

import java.util.Arrays;

/**
 * Credential ids as pairs of longs (most, least significant bits of the UUID) interleaved in one
 * {@code long[]}, {@code [m0, l0, m1, l1, …]}, in ascending unsigned order without duplicates: 16 bytes
 * an id and no object per entry. Arrays given to and returned by these methods are never changed afterwards.
 */
final class SortedIds {

    static final long[] EMPTY = new long[0];

    private SortedIds() {
    }

    /** Unsigned order of (most, least), the order of the ids in every array here and in the state file. */
    static int compare(long most1, long least1, long most2, long least2) {
        int byMost = Long.compareUnsigned(most1, most2);
        return byMost != 0 ? byMost : Long.compareUnsigned(least1, least2);
    }

    static int count(long[] ids) {
        return ids.length >>> 1;
    }

    /** Binary search of the whole array. */
    static boolean contains(long[] ids, long most, long least) {
        return search(ids, most, least, 0, (ids.length >>> 1) - 1);
    }

    /**
     * Search starting at the position {@code fraction} (of 2^32) of the way through the array, galloping
     * outwards to bracket the id, then binary search: uniformly spread ids (random UUIDs) are found within a
     * few positions of the guess, touching one or two cache lines instead of a dozen; any spread stays correct.
     */
    static boolean containsNear(long[] ids, long most, long least, long fraction) {
        int n = ids.length >>> 1;
        if (n == 0) {
            return false;
        }
        int guess = (int) ((fraction * n) >>> 32);
        int order = compare(ids[2 * guess], ids[2 * guess + 1], most, least);
        if (order == 0) {
            return true;
        }
        int step = 1;
        if (order < 0) {
            int low = guess + 1;
            while (low + step - 1 < n && compare(ids[2 * (low + step - 1)], ids[2 * (low + step - 1) + 1], most,
                    least) < 0) {
                low += step;
                step <<= 1;
            }
            return search(ids, most, least, low, Math.min(n - 1, low + step - 1));
        }
        int high = guess - 1;
        while (high - step + 1 >= 0 && compare(ids[2 * (high - step + 1)], ids[2 * (high - step + 1) + 1], most,
                least) > 0) {
            high -= step;
            step <<= 1;
        }
        return search(ids, most, least, Math.max(0, high - step + 1), high);
    }

    private static boolean search(long[] ids, long most, long least, int from, int to) {
        int low = from;
        int high = to;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(ids[2 * middle], ids[2 * middle + 1], most, least);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * One merge pass: {@code ids} plus {@code changes[from, to)} that are denials, minus those that are lifts.
     * The changes are sorted like the ids and name each id at most once.
     */
    static long[] merge(long[] ids, long[] changeIds, boolean[] denied, int from, int to) {
        int size = count(ids);
        long[] out = new long[2 * (size + (to - from))];
        int i = 0;
        int c = from;
        int o = 0;
        while (i < size || c < to) {
            int order = i == size ? 1 : c == to ? -1
                    : compare(ids[2 * i], ids[2 * i + 1], changeIds[2 * c], changeIds[2 * c + 1]);
            if (order < 0) {
                out[o++] = ids[2 * i];
                out[o++] = ids[2 * i + 1];
                i++;
            } else {
                if (denied[c]) {
                    out[o++] = changeIds[2 * c];
                    out[o++] = changeIds[2 * c + 1];
                }
                if (order == 0) {
                    i++;
                }
                c++;
            }
        }
        return o == out.length ? out : o == 0 ? EMPTY : Arrays.copyOf(out, o);
    }
}
