package org.faregate.simulator.pcsc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.faregate.protocol.GateId;
import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.token.TokenRejectedException;
import org.faregate.validator.card.PcscCardReader;
import org.faregate.validator.card.PcscTerminalSource;
import org.faregate.validator.decision.TapDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One NFC transaction over the machine's real pcscd and vsmartcard's vpcd, through the JDK's PC/SC provider:
 * the code path of a USB reader. A virtual card ({@link VpcdCard}) stays in reader "Virtual PCD 00 00" for the
 * whole trial. Needs pcscd with vpcd running (the benchmark fails at setup otherwise); see docs/performance.md
 * for the command.
 * <ul>
 *   <li>{@code read}: {@link PcscCardReader#read}: connect, SELECT, INTERNAL AUTHENTICATE (the card signs the
 *       fresh challenge, in this JVM), disconnect;</li>
 *   <li>{@code tap}: {@code Validator.tapCard(terminal)}: the read plus the decision (two P-256 verifies, deny
 *       list, replay, pass-back) and the journal append with fsync; every tap must be accepted.</li>
 * </ul>
 * {@code quickAck} is whether the card's side asks for TCP quick ACKs before each read: without them every APDU
 * waits for a delayed ACK (DOMAIN.md section 6).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "--add-opens", "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class VpcdTapBenchmark {

    /** A gate with one of its cards in vpcd's first reader for the whole trial. */
    @State(Scope.Thread)
    public static class CardInReader {

        @Param({"on", "off"})
        public String quickAck;

        Path dataDir;
        PcscGate gate;
        VpcdCard card;
        CardTerminal terminal;
        PcscCardReader reader;
        final SecureRandom random = new SecureRandom();
        final GateId gateId = GateId.of("P01-IN-1");

        @Setup(Level.Trial)
        public void insertCard() throws IOException, CardException {
            terminal = new PcscTerminalSource().open().getTerminal(RealPcsc.READER_0);
            dataDir = Files.createTempDirectory("faregate-vpcd-bench-");
            gate = new PcscGate(dataDir);
            VpcdCard quick = VpcdCard.forReader(0, VirtualCard.of(gate.newCard()));
            card = "on".equals(quickAck) ? quick : quick.withoutQuickAck();
            card.insert();
            RealPcsc.awaitCardPresent(terminal);
            reader = new PcscCardReader(terminal);
        }

        @TearDown(Level.Trial)
        public void removeCard() throws IOException, CardException {
            card.remove();
            RealPcsc.awaitCardAbsent(terminal);
            gate.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Benchmark
    public NfcPresentation read(CardInReader state) throws CardLinkException, TokenRejectedException {
        return state.reader.read(NfcChallenge.fresh(state.random, PcscGate.NOW, state.gateId));
    }

    @Benchmark
    public TapDecision tap(CardInReader state) {
        TapDecision decision = state.gate.validator.tapCard(state.terminal);
        if (!decision.accepted()) {
            throw new IllegalStateException("benchmark tap was not accepted: " + decision.reason().code()
                    + " (" + decision.detail() + ")");
        }
        return decision;
    }
}
