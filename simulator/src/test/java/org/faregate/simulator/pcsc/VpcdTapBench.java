package org.faregate.simulator.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.faregate.protocol.GateId;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.simulator.report.Percentiles;
import org.faregate.validator.card.PcscCardReader;
import org.faregate.validator.decision.TapDecision;

/**
 * Measures one NFC transaction over the machine's real pcscd and vpcd, with and without TCP quick ACKs
 * on the card's socket. Not a test (surefire does not run it); needs pcscd with vsmartcard-vpcd running.
 * <ul>
 *   <li>read: {@link PcscCardReader#read}: connect, SELECT, INTERNAL AUTHENTICATE, disconnect;</li>
 *   <li>tap: {@code Validator.tapCard}: the read plus the decision and the journal append with fsync.</li>
 * </ul>
 * Run from /work/main after {@code mvn -o -pl simulator test-compile}:
 * <pre>
 * java -cp "simulator/target/test-classes:simulator/target/classes:$(cat cp.txt)" \
 *     org.faregate.simulator.pcsc.VpcdTapBench [taps, default 200]
 * </pre>
 * where cp.txt comes from {@code mvn -o -q -pl simulator dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class VpcdTapBench {

    private static final int WARM_UP = 50;

    private VpcdTapBench() {
    }

    public static void main(String[] args) throws Exception {
        int taps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        CardTerminals terminals = TerminalFactory.getInstance("PC/SC", null).terminals();
        CardTerminal reader = terminals.getTerminal(RealPcsc.READER_0);
        if (reader == null) {
            throw new IllegalStateException("pcscd lists no reader " + RealPcsc.READER_0 + ": start pcscd with vpcd");
        }
        System.out.printf("NFC transaction over pcscd/vpcd, %d taps each after %d warm-up, %s %s%n", taps, WARM_UP,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (boolean quickAck : new boolean[] {true, false}) {
            Path dir = Files.createTempDirectory("faregate-vpcd-bench-");
            try (PcscGate gate = new PcscGate(dir)) {
                VpcdCard plain = VpcdCard.forReader(0, VirtualCard.of(gate.newCard()));
                VpcdCard card = quickAck ? plain : plain.withoutQuickAck();
                card.insert();
                try {
                    RealPcsc.awaitCardPresent(reader);
                    Percentiles read = measureReads(reader, WARM_UP, taps);
                    Percentiles tap = measureTaps(gate, reader, WARM_UP, taps);
                    String mode = quickAck ? "TCP_QUICKACK on " : "TCP_QUICKACK off";
                    System.out.printf("%s  read: %s%n", mode, read.medianAndP99());
                    System.out.printf("%s  tap:  %s%n", mode, tap.medianAndP99());
                } finally {
                    card.remove();
                    RealPcsc.awaitCardAbsent(reader);
                }
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static Percentiles measureReads(CardTerminal reader, int warmUp, int count) throws Exception {
        PcscCardReader cardReader = new PcscCardReader(reader);
        SecureRandom random = new SecureRandom();
        long[] nanos = new long[count];
        for (int i = -warmUp; i < count; i++) {
            NfcChallenge challenge = NfcChallenge.fresh(random, PcscGate.NOW, GateId.of("P01-IN-1"));
            long start = System.nanoTime();
            cardReader.read(challenge);
            long took = System.nanoTime() - start;
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return new Percentiles(nanos);
    }

    private static Percentiles measureTaps(PcscGate gate, CardTerminal reader, int warmUp, int count) {
        long[] nanos = new long[count];
        for (int i = -warmUp; i < count; i++) {
            long start = System.nanoTime();
            TapDecision decision = gate.validator.tapCard(reader);
            long took = System.nanoTime() - start;
            if (!decision.accepted()) {
                throw new IllegalStateException("tap " + i + " not accepted: " + decision.reason().code());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return new Percentiles(nanos);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
