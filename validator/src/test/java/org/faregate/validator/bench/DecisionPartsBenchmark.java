package org.faregate.validator.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.token.PresentationVerifier;
import org.faregate.protocol.token.TokenRejectedException;
import org.faregate.protocol.token.VerifiedPresentation;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.ValidatorConfig;
import org.faregate.validator.journal.SegmentedTapJournal;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two big parts of the gate's decision on their own: the offline verification of a QR payload
 * (parse, issuer and device signature, windows; no journal) and one durable journal append (fsync).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DecisionPartsBenchmark {

    private static final int VERIFY_POOL = 1024;
    private static final int TAP_POOL = 4096;

    @State(Scope.Thread)
    public static class Payloads {
        PresentationVerifier verifier;
        byte[][] pool;
        int next;

        @Setup(Level.Trial)
        public void create() {
            BenchTokens tokens = new BenchTokens();
            verifier = new PresentationVerifier(tokens.issuerKeys(), ValidatorConfig.DEFAULT_QR_VALIDITY,
                    ValidatorConfig.DEFAULT_CLOCK_SKEW);
            pool = tokens.qrPool(VERIFY_POOL);
        }

        byte[] nextPayload() {
            byte[] payload = pool[next];
            next = next + 1 == pool.length ? 0 : next + 1;
            return payload;
        }
    }

    /** A journal on a fresh temporary directory and accepted-tap records to append to it. */
    @State(Scope.Thread)
    public static class Journal {
        Path dir;
        SegmentedTapJournal journal;
        List<TapRecord> taps;
        int next;

        @Setup(Level.Trial)
        public void open() {
            BenchTokens tokens = new BenchTokens();
            dir = BenchGate.tempDir("faregate-bench-journal-");
            journal = SegmentedTapJournal.open(dir, SegmentedTapJournal.DEFAULT_MAX_BYTES);
            taps = new ArrayList<>(TAP_POOL);
            for (int i = 0; i < TAP_POOL; i++) {
                taps.add(new TapRecord(TapId.timeOrdered(Instant.now(), tokens.random), GateId.of("S01-IN-1"), StationId.of("S01"),
                        Direction.ENTRY, BenchTokens.T0.plusSeconds(i), "qr", tokens.credential.id(),
                        tokens.credential.account(), Reason.ACCEPTED));
            }
        }

        /** Acknowledges what was appended (as a sync does), so the journal does not grow without end. */
        @Setup(Level.Iteration)
        public void acknowledge() {
            journal.acknowledge(taps.stream().map(TapRecord::tapId).toList());
        }

        TapRecord nextTap() {
            TapRecord tap = taps.get(next);
            next = next + 1 == taps.size() ? 0 : next + 1;
            return tap;
        }

        @TearDown(Level.Trial)
        public void close() {
            journal.close();
            BenchGate.deleteTree(dir);
        }
    }

    @Benchmark
    public VerifiedPresentation verifyOnly(Payloads state) throws TokenRejectedException {
        return state.verifier.verifyQr(state.nextPayload(), BenchTokens.T0);
    }

    @Benchmark
    public void journalAppendFsync(Journal state) {
        state.journal.append(state.nextTap());
    }
}
