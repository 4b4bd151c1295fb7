package org.faregate.validator.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.nfc.NfcReader;
import org.faregate.validator.card.CardReader;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.qr.ZxingQrCodec;
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
 * The gate's whole decision, as a rider waits for it: read the token, verify both signatures, check
 * deny list, replay and pass-back, and put the tap on stable storage (fsync) before answering.
 * Every measured tap must be {@code accepted}; anything else fails the run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class GateDecisionBenchmark {

    /**
     * More distinct codes than the replay guard remembers (100,000 sightings): the gate refuses a code it
     * has seen, and with codes valid for a year it forgets one only when the bounded guard drops it, so
     * cycling through this many never presents a code the gate still remembers.
     */
    static final int QR_POOL = 120_000;

    private static final int FRAME_WIDTH = 640;
    private static final int FRAME_HEIGHT = 480;
    private static final int PIXELS_PER_MODULE = 4;
    private static final Color BACKGROUND = new Color(0xD8, 0xD8, 0xD8);

    @State(Scope.Thread)
    public static class QrPayloads {
        BenchTokens tokens;
        BenchGate gate;
        byte[][] pool;
        int next;

        @Setup(Level.Trial)
        public void open() {
            tokens = new BenchTokens();
            pool = tokens.qrPool(QR_POOL);
            gate = BenchGate.open(tokens);
        }

        @Setup(Level.Iteration)
        public void sync() {
            gate.sync();
        }

        byte[] nextPayload() {
            byte[] payload = pool[next];
            next = next + 1 == pool.length ? 0 : next + 1;
            return payload;
        }

        @TearDown(Level.Trial)
        public void close() {
            gate.close();
        }
    }

    /**
     * A 640x480 camera frame (grey background) with the code drawn in the middle at 4 pixels a module.
     * Each frame carries a freshly signed code; signing and drawing happen before the timer starts.
     * ZXing cannot read a few percent of these codes at all (its detector answers FormatException; the
     * same symbol decodes with PURE_BARCODE): such codes are skipped before the timer starts and counted,
     * so every timed frame is a readable one.
     */
    @State(Scope.Thread)
    public static class CameraFrames {
        BenchTokens tokens;
        BenchGate gate;
        BufferedImage frame;
        long counter;
        long unreadable;
        private final ZxingQrCodec probe = new ZxingQrCodec();

        @Setup(Level.Trial)
        public void open() {
            tokens = new BenchTokens();
            gate = BenchGate.open(tokens);
            frame = new BufferedImage(FRAME_WIDTH, FRAME_HEIGHT, BufferedImage.TYPE_INT_RGB);
        }

        @Setup(Level.Iteration)
        public void sync() {
            gate.sync();
        }

        @Setup(Level.Invocation)
        public void nextFrame() {
            BufferedImage code = readableCode();
            Graphics2D g = frame.createGraphics();
            try {
                g.setColor(BACKGROUND);
                g.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
                g.drawImage(code, (FRAME_WIDTH - code.getWidth()) / 2, (FRAME_HEIGHT - code.getHeight()) / 2, null);
            } finally {
                g.dispose();
            }
        }

        private BufferedImage readableCode() {
            while (true) {
                counter++;
                BufferedImage code = ZxingQrCodec.render(Bytes.of(tokens.qr(BenchTokens.T0, counter)),
                        PIXELS_PER_MODULE);
                if (probe.decode(code).isPresent()) {
                    return code;
                }
                unreadable++;
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            System.out.printf("%nqrCameraFrame: %d of %d rendered codes unreadable by ZXing, skipped untimed%n",
                    unreadable, counter);
            gate.close();
        }
    }

    /**
     * The rider's phone as an in-process {@link HolderApplet} behind the card reader: SELECT returns the
     * credential, INTERNAL AUTHENTICATE signs the gate's fresh challenge (the device's signature is made
     * inside the measured time, as the card makes it while the rider waits).
     */
    @State(Scope.Thread)
    public static class NfcCard {
        BenchTokens tokens;
        BenchGate gate;
        HolderApplet applet;
        CardReader reader;

        @Setup(Level.Trial)
        public void open() {
            tokens = new BenchTokens();
            gate = BenchGate.open(tokens);
            applet = new HolderApplet(tokens.credential, tokens.deviceKey, 0);
            reader = challenge -> NfcReader.read(applet::process, challenge);
        }

        @Setup(Level.Iteration)
        public void sync() {
            gate.sync();
        }

        @TearDown(Level.Trial)
        public void close() {
            gate.close();
        }
    }

    @Benchmark
    public TapDecision qrPayload(QrPayloads state) {
        return accepted(state.gate.validator.presentQr(state.nextPayload()));
    }

    @Benchmark
    public TapDecision qrCameraFrame(CameraFrames state) {
        TapDecision decision = state.gate.validator.presentQrImage(state.frame)
                .orElseThrow(() -> new IllegalStateException("no QR code read in the camera frame"));
        return accepted(decision);
    }

    @Benchmark
    public TapDecision nfcTap(NfcCard state) {
        return accepted(state.gate.validator.tapCard(state.reader));
    }

    static TapDecision accepted(TapDecision decision) {
        if (!decision.accepted()) {
            throw new IllegalStateException("benchmark tap was not accepted: " + decision.reason().code()
                    + " (" + decision.detail() + ")");
        }
        return decision;
    }
}
