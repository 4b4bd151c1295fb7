package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.junit.jupiter.api.Test;

class DenyListConcurrencyTest {

    private static final int ROUNDS = 40;

    @Test
    void readersDuringAppliesNeverSeeAStableIdChangeOrAStrangerDenied() throws Exception {
        SpreadIds stable = new SpreadIds(300_000, 1);
        SpreadIds flipping = new SpreadIds(20_000, 2);
        DenyList list = stable.restoreInto(new DenyList(new DenyBreaker(10_000, 1_000_000)), 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int offset = r;
                readers.add(pool.submit(() -> read(list, stable, writing, offset)));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int round = 0; round < ROUNDS; round++) {
                        boolean deny = round % 2 == 0;
                        List<DenyChange> changes = new ArrayList<>();
                        for (int i = 0; i < flipping.count(); i++) {
                            changes.add(new DenyChange(flipping.id(i), deny, 2 + round, "flip"));
                        }
                        list.apply(new DenyListDelta(1 + round, 2 + round, false, changes));
                    }
                } finally {
                    writing.set(false);
                }
            });

            writer.get();
            for (Future<Long> reader : readers) {
                assertThat(reader.get()).as("lookups that saw a stable id lifted or a stranger denied").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(list.version()).isEqualTo(1 + ROUNDS);
        assertThat(list.size()).isEqualTo(300_000);
        assertThat(list.isDenied(flipping.id(0))).isFalse();
    }

    private static long read(DenyList list, SpreadIds stable, AtomicBoolean writing, int offset) {
        long wrong = 0;
        int i = offset;
        do {
            int at = i % stable.count();
            if (!list.isDenied(stable.id(at)) || list.isDenied(stable.absent(at))) {
                wrong++;
            }
            i += 7;
        } while (writing.get());
        return wrong;
    }
}
