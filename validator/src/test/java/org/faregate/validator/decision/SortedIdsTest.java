package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortedIdsTest {

    @Test
    void searchFromAWrongGuessStillFindsEveryIdInASkewedBucket() {
        int n = 1_000;
        long[] ids = new long[2 * n];
        for (int i = 0; i < n; i++) {
            ids[2 * i] = 5;                  // every id in the same most half: the guess is far off
            ids[2 * i + 1] = 10L * i;
        }
        for (long fraction : new long[] {0, 1L << 31, (1L << 32) - 1}) {
            for (int i = 0; i < n; i++) {
                assertThat(SortedIds.containsNear(ids, 5, 10L * i, fraction)).isTrue();
                assertThat(SortedIds.containsNear(ids, 5, 10L * i + 1, fraction)).isFalse();
            }
            assertThat(SortedIds.containsNear(ids, 4, 0, fraction)).isFalse();
            assertThat(SortedIds.containsNear(ids, -1, 0, fraction)).isFalse();
            assertThat(SortedIds.containsNear(SortedIds.EMPTY, 5, 0, fraction)).isFalse();
        }
    }

    @Test
    void mergeAddsDenialsAndDropsLifts() {
        long[] ids = {1, 0, 3, 0, 5, 0};
        long[] changes = {2, 0, 3, 0, 6, 0};
        boolean[] denied = {true, false, true};

        assertThat(SortedIds.merge(ids, changes, denied, 0, 3)).containsExactly(1, 0, 2, 0, 5, 0, 6, 0);
    }
}
