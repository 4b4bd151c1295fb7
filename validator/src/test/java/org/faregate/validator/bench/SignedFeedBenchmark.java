package org.faregate.validator.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.feed.DenyFeedHeader;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.feed.FeedException;
import org.faregate.protocol.token.IssuerKeys;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The signed deny-list feed on the gate: a 100,000-entry delta read from its bytes and its signature checked;
 * a 1,000,000-entry snapshot read into the list's compact form, checked and applied to an empty list (a gate's
 * cold start). The bytes are
 * made before the timer starts; reading from memory leaves the network out.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class SignedFeedBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final KeyId KEY_ID = KeyId.of(1);

    @State(Scope.Benchmark)
    public static class Feeds {
        final SigningKey key = SigningKey.generate(new SecureRandom());
        final IssuerKeys trusted = IssuerKeys.of(KEY_ID, key.verifyingKey());
        byte[] delta;
        byte[] snapshot;

        @Setup(Level.Trial)
        public void encode() throws IOException {
            delta = encoded(new SpreadIds(100_000, 7), false);
            snapshot = encoded(new SpreadIds(1_000_000, 8), true);
            System.out.printf("%nsigned feed: 100k delta %,d bytes, 1M snapshot %,d bytes%n", delta.length,
                    snapshot.length);
        }

        private byte[] encoded(SpreadIds ids, boolean isSnapshot) throws IOException {
            List<DenyChange> changes = new ArrayList<>(ids.count());
            for (int i = 0; i < ids.count(); i++) {
                changes.add(new DenyChange(ids.id(i), true, 1 + i, "bench"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DenyListCodec.write(new DenyListDelta(isSnapshot ? 0 : 1, ids.count(), isSnapshot, changes), NOW, KEY_ID,
                    key, out);
            return out.toByteArray();
        }
    }

    @Benchmark
    public DenyListDelta delta100kReadAndVerified(Feeds feeds) throws IOException, FeedException {
        return DenyListCodec.read(new ByteArrayInputStream(feeds.delta)).verifiedWith(feeds.trusted, NOW);
    }

    /** As the gate takes a snapshot: entries straight into the list's compact form, applied once verified. */
    @Benchmark
    public DenyList snapshot1mReadVerifiedApplied(Feeds feeds) throws IOException, FeedException {
        DenyList.Snapshot snapshot = new DenyList.Snapshot();
        FeedSignature signature = DenyListCodec.read(new ByteArrayInputStream(feeds.snapshot), new DenyFeedSink() {
            @Override
            public void begin(DenyFeedHeader header) {
            }

            @Override
            public void entry(long most, long least, long version, boolean denied) {
                snapshot.add(most, least);
            }
        });
        signature.verify(feeds.trusted, NOW);
        DenyList list = new DenyList(DenyBreaker.DEFAULT);
        list.replace(signature.header().toVersion(), snapshot);
        return list;
    }
}
