package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.validator.testing.TestTokens.T0;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.journal.DiskLevel;
import org.faregate.validator.journal.JournalStatus;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;
import org.faregate.validator.testing.MutableClock;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A day offline with nothing lost: a real entry gate (journal with fsync, real signatures) decides QR taps
 * over 24 simulated hours while its gateway refuses every connection, then the gateway comes back. Every tap
 * reaches the gateway exactly once and in order, the journal's disk is freed, and a restart brings nothing
 * back. The 100,000 taps cost about 1 ms of CPU each (two signature checks at the gate, one signature
 * by the phone), more than a CI build should spend, so that run is on request; every build runs 4,800.
 */
class DayOfflineTest {

    private static final Logger logger = LoggerFactory.getLogger(DayOfflineTest.class);
    /**
     * Set to {@code false} to leave out the full day of 100,000 taps in a quick local run (about 40 s on 2 cores,
     * mostly the signatures); every build, CI's included, runs it.
     */
    static final String FULL_DAY_PROPERTY = "faregate.dayOffline.full";
    /** Each rider comes back every 2,000 taps (29 simulated minutes), well after the 2-minute pass-back window. */
    private static final int RIDERS = 2_000;
    private static final int CHUNK = 200;

    private final TestTokens tokens = new TestTokens();
    private final MutableClock clock = new MutableClock(T0);
    private final FakeGateway gateway = new FakeGateway(tokens, clock);
    private final OrderRecordingLink link = new OrderRecordingLink(gateway);

    @TempDir
    Path tempDir;
    private Path dataDir;

    /**
     * The journal's fsync is real either way; what differs is the device under it. By default the gate's data
     * goes to memory (/dev/shm, when there is one), so that this test measures the journal and sync code and not
     * the CI machine's disk flushes (durability on a disk is what JournalCrashPointsTest and KilledGateTest
     * check). {@code -Dfaregate.dayOffline.disk=true} puts it on the temporary directory's disk instead.
     */
    @BeforeEach
    void chooseDevice() throws IOException {
        Path shm = Path.of("/dev/shm");
        boolean memory = !Boolean.getBoolean("faregate.dayOffline.disk") && Files.isDirectory(shm)
                && Files.isWritable(shm);
        dataDir = memory ? Files.createTempDirectory(shm, "faregate-day-") : tempDir.resolve("gate");
        logger.info("Day offline data directory [dir={}, memory={}]", dataDir, memory);
    }

    @AfterEach
    void removeData() throws IOException {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The test: 100,000 taps. Left out with {@code -Dfaregate.dayOffline.full=false} (docs/journal.md). */
    @Test
    @DisabledIfSystemProperty(named = FULL_DAY_PROPERTY, matches = "false")
    void hundredThousandTapsOfflineAllDayThenEveryTapDeliveredOnceInOrder() throws IOException {
        dayOfflineThenCatchUp(100_000);
    }

    /** The same day in every build, with fewer taps: one every 18 simulated seconds. */
    @Test
    void dayOfflineThenCatchUpDeliversEveryTapOnceInOrderAndFreesTheDisk() throws IOException {
        dayOfflineThenCatchUp(4_800);
    }

    /** {@code taps} (a multiple of 2,400) over 24 hours offline, then catch-up and a restart. */
    private void dayOfflineThenCatchUp(int taps) throws IOException {
        Duration betweenTaps = Duration.ofDays(1).dividedBy(taps);
        int hundredths = taps / 100;
        // An allowance of about 2.4 days at this rate (a tap takes about 270 bytes): several segments, level OK.
        ValidatorConfig config = ValidatorConfig.of(GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY,
                dataDir).withJournalMaxBytes(taps * 640L);
        List<Credential> riders = IntStream.range(0, RIDERS).mapToObj(i -> tokens.validCredential()).toList();
        List<TapId> decided = new ArrayList<>(taps);
        Map<Reason, Integer> mix = new EnumMap<>(Reason.class);
        gateway.online(false);
        long started = System.nanoTime();

        ExecutorService phones = Executors.newSingleThreadExecutor();
        try (Validator validator = Validator.open(config, clock, tokens.random, link)) {
            validator.trustIssuerKeys(tokens.keyList());
            List<Future<byte[][]>> codes = signCodesAhead(phones, riders, taps, betweenTaps);
            byte[] previous = null;
            for (int i = 0; i < taps; i++) {
                clock.advance(betweenTaps);
                TapDecision decision;
                if (i % 100 == 50) {
                    decision = validator.presentQrText("FG1:not a code");
                } else if (i % 100 == 75) {
                    decision = validator.presentQr(previous); // a photographed code shown again
                } else {
                    previous = join(codes.get(i / CHUNK))[i % CHUNK];
                    decision = validator.presentQr(previous);
                }
                decided.add(decision.tapId());
                mix.merge(decision.reason(), 1, Integer::sum);
                if ((i + 1) % (taps / 24) == 0) {
                    checkStillOffline(validator, i + 1);
                }
            }
            long offlineDone = System.nanoTime();
            assertThat(mix).containsExactlyInAnyOrderEntriesOf(Map.of(Reason.ACCEPTED, 97 * hundredths,
                    Reason.MALFORMED_TOKEN, hundredths, Reason.REPLAYED, hundredths, Reason.PASSBACK, hundredths));
            JournalStatus endOfDay = validator.journalStatus();
            assertThat(endOfDay.pendingTaps()).isEqualTo(taps);
            assertThat(endOfDay.level()).isEqualTo(DiskLevel.OK);
            assertThat(endOfDay.segments()).isEqualTo(segmentFiles().size()).isGreaterThan(1);
            assertThat(endOfDay.usedBytes()).isEqualTo(segmentFiles().stream().mapToLong(DayOfflineTest::size).sum());

            gateway.online(true);
            int rounds = 0;
            while (validator.pendingTaps() > 0 && rounds < 10) {
                assertThat(validator.sync().failures()).isEmpty();
                rounds++;
            }
            long caughtUp = System.nanoTime();

            assertThat(validator.pendingTaps()).isZero();
            assertThat(link.sentInOrder()).containsExactlyElementsOf(decided);
            assertThat(gateway.committed()).hasSize(taps).containsOnlyKeys(decided);
            assertThat(gateway.deliveries().values()).containsOnly(1);
            assertThat(gateway.batchSizes()).hasSize((taps + GatewaySync.BATCH_SIZE - 1) / GatewaySync.BATCH_SIZE);
            assertThat(segmentFiles()).hasSize(1);
            assertThat(size(segmentFiles().get(0))).isZero();
            assertThat(validator.journalStatus().usedBytes()).isZero();
            logger.info("Day offline done [taps={}, bytesAtEndOfDay={}, segmentsAtEndOfDay={}, offlineSeconds={}, "
                            + "catchUpSeconds={}, rounds={}]", taps, endOfDay.usedBytes(), endOfDay.segments(),
                    seconds(offlineDone - started), seconds(caughtUp - offlineDone), rounds);
        } finally {
            phones.shutdownNow();
        }

        try (Validator restarted = Validator.open(config, clock, tokens.random, link)) {
            assertThat(restarted.pendingTaps()).isZero();
            assertThat(restarted.sync().delivered()).isZero();
        }
        assertThat(gateway.deliveries()).hasSize(taps);
        assertThat(gateway.deliveries().values()).containsOnly(1);
    }

    /**
     * The riders' phones: QR codes signed on another thread, a chunk at a time, ahead of the gate, so that the
     * test's own signing does not add to the gate's time on a 2-core machine. Tap {@code i} is stamped at the
     * moment the gate will see it; at {@code i % 100 == 25} the rider of the previous tap taps again (pass-back).
     */
    private List<Future<byte[][]>> signCodesAhead(ExecutorService phones, List<Credential> riders, int taps,
                                                  Duration betweenTaps) {
        List<Future<byte[][]>> chunks = new ArrayList<>();
        for (int first = 0; first < taps; first += CHUNK) {
            int from = first;
            chunks.add(phones.submit(() -> {
                byte[][] chunk = new byte[CHUNK][];
                for (int i = from; i < from + CHUNK; i++) {
                    int rider = i % 100 == 25 ? i - 1 : i;
                    Instant stamped = T0.plus(betweenTaps.multipliedBy(i + 1L));
                    chunk[i - from] = tokens.qr(riders.get(rider % RIDERS), stamped, i);
                }
                return chunk;
            }));
        }
        return chunks;
    }

    private static byte[][] join(Future<byte[][]> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void checkStillOffline(Validator validator, int decidedSoFar) {
        SyncReport report = validator.sync();
        assertThat(report.delivered()).isZero();
        assertThat(report.complete()).isFalse();
        JournalStatus status = validator.journalStatus();
        assertThat(status.pendingTaps()).isEqualTo(decidedSoFar);
        assertThat(status.level()).isEqualTo(DiskLevel.OK);
        assertThat(status.usedBytes()).isPositive().isLessThan(status.limitBytes());
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    /** The fake gateway, recording the order in which taps were sent to it. */
    private static final class OrderRecordingLink implements GatewayLink {
        private final GatewayLink gateway;
        private final List<TapId> sent = new ArrayList<>();

        OrderRecordingLink(GatewayLink gateway) {
            this.gateway = gateway;
        }

        synchronized List<TapId> sentInOrder() {
            return List.copyOf(sent);
        }

        @Override
        public synchronized TapBatchAck sendTaps(TapBatch batch) throws GatewayException {
            TapBatchAck ack = gateway.sendTaps(batch);
            batch.taps().stream().map(TapRecord::tapId).forEach(sent::add);
            return ack;
        }

        @Override
        public FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) throws GatewayException {
            return gateway.fetchDenyList(sinceVersion, sink);
        }

        @Override
        public IssuerKeyList fetchIssuerKeys() throws GatewayException {
            return gateway.fetchIssuerKeys();
        }
    }
}
