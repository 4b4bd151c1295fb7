package org.faregate.validator.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.AbstractList;
import java.util.HexFormat;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.feed.DenyFeedHeader;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.validator.decision.DenyBreaker;
import org.faregate.validator.decision.DenyList;
import org.faregate.validator.decision.SpreadIds;

/**
 * Not a benchmark but a heap check: a gate holding N denied ids takes a signed snapshot of N other ids from a
 * file, the way it reads one from the network. Run it with a small heap to show the snapshot fallback fits:
 * <pre>
 * java -Xmx3g   -cp ... org.faregate.validator.bench.SnapshotHeapCheck write /tmp/snap.bin 10000000
 * java -Xmx480m -cp ... org.faregate.validator.bench.SnapshotHeapCheck take  /tmp/snap.bin 10000000
 * </pre>
 * (writing uses the gateway's path, which holds the whole delta in memory; only taking it is checked here).
 * Prints used heap after GC with the old list alone, with the received snapshot staged, and after the swap.
 */
public final class SnapshotHeapCheck {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private SnapshotHeapCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("write") || args[0].equals("take"))) {
            System.err.println("usage: SnapshotHeapCheck write|take FILE N");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        Path keyFile = Path.of(args[1] + ".key");
        if (args[0].equals("write")) {
            SigningKey key = SigningKey.generate(new SecureRandom());
            writeSnapshot(file, new SpreadIds(n, 2), key, NOW);
            Files.writeString(keyFile, key.verifyingKey().compressed().toHex());
            return;
        }
        IssuerKeys trusted = IssuerKeys.of(KeyId.of(1), VerifyingKey.parse(HexFormat.of().parseHex(
                Files.readString(keyFile))));
        DenyList list = new SpreadIds(n, 1).restoreInto(new DenyList(new DenyBreaker(10_000, Long.MAX_VALUE)), 1);
        System.out.printf("old list of %,d ids: used heap %,d MB (max %,d MB)%n", list.size(), usedMb(),
                Runtime.getRuntime().maxMemory() >> 20);
        DenyList.Snapshot staged = new DenyList.Snapshot();
        long started = System.nanoTime();
        FeedSignature signature;
        try (InputStream in = Files.newInputStream(file)) {
            signature = DenyListCodec.read(in, new DenyFeedSink() {
                @Override
                public void begin(DenyFeedHeader header) {
                }

                @Override
                public void entry(long most, long least, long version, boolean denied) {
                    staged.add(most, least);
                }
            });
        }
        signature.verify(trusted, NOW);
        long read = System.nanoTime();
        System.out.printf("snapshot of %,d ids read and verified in %,d ms: used heap %,d MB%n", staged.count(),
                (read - started) / 1_000_000, usedMb());
        DenyList.Result result = list.replace(signature.header().toVersion(), staged);
        System.out.printf("replaced (%s, %,d newly denied) in %,d ms: used heap %,d MB, version %d, size %,d%n",
                result.outcome(), result.newlyDenied(), (System.nanoTime() - read) / 1_000_000, usedMb(),
                list.version(), list.size());
    }

    private static void writeSnapshot(Path file, SpreadIds ids, SigningKey key, Instant now) throws IOException {
        AbstractList<DenyChange> changes = new AbstractList<>() {
            @Override
            public DenyChange get(int index) {
                return new DenyChange(ids.id(index), true, 2, "");
            }

            @Override
            public int size() {
                return ids.count();
            }
        };
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            DenyListCodec.write(new DenyListDelta(0, 2, true, changes), now, KeyId.of(1), key, out);
        }
    }

    private static long usedMb() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
