package org.faregate.validator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.validator.decision.DenyBreaker;
import org.faregate.validator.decision.DenyList;
import org.faregate.validator.decision.SpreadIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gate's deny list at 10 million credential ids: a lookup that finds the id, one that does not, and a
 * 100,000-entry delta merged in (alternately denying 100,000 fresh ids and lifting them again, so the list
 * stays at 10 to 10.1 million; the delta is built before the timer starts). The list's heap is measured once
 * per fork: used heap after {@code System.gc()} before and after building it, printed with the arithmetic.
 */
@BenchmarkMode(Mode.SampleTime)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DenyListBenchmark {

    static final int LIST_SIZE = 10_000_000;
    static final int DELTA_SIZE = 100_000;
    static final int PROBES = 1 << 20;

    @State(Scope.Benchmark)
    public static class TenMillion {
        SpreadIds ids = new SpreadIds(LIST_SIZE, 42);
        DenyList list;
        CredentialId[] hits = new CredentialId[PROBES];
        CredentialId[] misses = new CredentialId[PROBES];
        int next;

        @Setup(Level.Trial)
        public void build() {
            for (int i = 0; i < PROBES; i++) {
                int at = (int) ((i * 2_654_435_761L) % LIST_SIZE);
                hits[i] = ids.id(at);
                misses[i] = ids.absent(at);
            }
            long before = usedHeap();
            list = ids.restoreInto(new DenyList(DenyBreaker.DEFAULT), 1);
            long after = usedHeap();
            System.out.printf("%ndeny list heap: %,d ids use %,d bytes after GC = %.2f bytes an id "
                            + "(arithmetic: 16 x %,d + 16,384 buckets x (16 header + 4 ref) = %,d)%n",
                    list.size(), after - before, (after - before) / (double) list.size(), list.size(),
                    16L * list.size() + 16_384L * 20);
        }

        int nextProbe() {
            int at = next;
            next = (next + 1) & (PROBES - 1);
            return at;
        }
    }

    @State(Scope.Thread)
    public static class Deltas {
        SpreadIds fresh = new SpreadIds(DELTA_SIZE, 4242);
        long version = 1;
        DenyListDelta delta;

        @Setup(Level.Invocation)
        public void nextDelta() {
            boolean deny = version % 2 == 1;
            List<DenyChange> changes = new ArrayList<>(DELTA_SIZE);
            for (int i = 0; i < DELTA_SIZE; i++) {
                changes.add(new DenyChange(fresh.id(i), deny, version + 1, deny ? "bench" : "lifted"));
            }
            delta = new DenyListDelta(version, version + 1, false, changes);
            version++;
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean lookupHit(TenMillion state) {
        boolean denied = state.list.isDenied(state.hits[state.nextProbe()]);
        if (!denied) {
            throw new IllegalStateException("a listed id was not found");
        }
        return denied;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean lookupMiss(TenMillion state) {
        boolean denied = state.list.isDenied(state.misses[state.nextProbe()]);
        if (denied) {
            throw new IllegalStateException("an unlisted id was found");
        }
        return denied;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DenyList.Result applyDelta100k(TenMillion state, Deltas deltas) {
        DenyList.Result result = state.list.apply(deltas.delta);
        if (result.outcome() != DenyList.Outcome.APPLIED) {
            throw new IllegalStateException("delta not applied: " + result);
        }
        return result;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
