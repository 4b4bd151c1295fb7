package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import javax.smartcardio.CardTerminals;
import org.faregate.protocol.Reason;
import org.faregate.validator.card.NfcReaders;
import org.faregate.validator.card.NfcStatus;
import org.faregate.validator.card.PcscTerminalSource;
import org.faregate.validator.card.ReaderNames;
import org.faregate.validator.decision.TapDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's reader service on the machine's real pcscd, with virtual cards in vpcd's readers, while the
 * test stops, starts and restarts pcscd ({@link PcscDaemon}). Every test leaves pcscd running and ready.
 */
class NfcReadersOnPcscdTest {

    /** pcscd start (up to 10 s) plus the watchdog's capped backoff (5 s) and a margin. */
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> VPCD_READERS = List.of(RealPcsc.READER_0, RealPcsc.READER_1);

    @TempDir
    Path dataDir;

    private PcscDaemon daemon;
    private PcscGate gate;
    private NfcReaders service;
    private final BlockingQueue<TapDecision> answers = new LinkedBlockingQueue<>();
    private final List<VpcdCard> inserted = new ArrayList<>();

    @BeforeEach
    void openGate() {
        daemon = PcscDaemon.controlOrSkip();
        daemon.ensureReady();
        RealPcsc.terminalsOrSkip();
        gate = new PcscGate(dataDir);
    }

    @AfterEach
    void leavePcscdReady() throws Exception {
        try {
            inserted.forEach(VpcdCard::remove);
            if (service != null) {
                service.close();
            }
            if (gate != null) {
                gate.close();
            }
        } finally {
            if (daemon != null) {
                daemon.ensureReady();
                // The next test starts with empty readers, as pcscd sees them.
                CardTerminals terminals = RealPcsc.terminalsOrSkip();
                RealPcsc.awaitCardAbsent(terminals.getTerminal(RealPcsc.READER_0));
                RealPcsc.awaitCardAbsent(terminals.getTerminal(RealPcsc.READER_1));
            }
        }
    }

    @Test
    void startedWhilePcscdIsDownTheServiceTapsTheFirstCardOncePcscdIsUp() throws Exception {
        daemon.stop();

        startService();
        awaitStatus("PC/SC is reported unavailable", s -> s.state() == NfcStatus.State.PCSC_UNAVAILABLE);
        daemon.start();
        awaitStatus("both vpcd readers are watched", s -> s.watched().containsAll(VPCD_READERS));
        insert(0, VirtualCard.of(gate.newCard()));

        assertThat(nextAnswer().reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(gate.validator.pendingTaps()).isEqualTo(1);
        assertThat(service.status().recoveries()).isEqualTo(1);
    }

    @Test
    void pcscdWithoutReadersIsNoReaderAndTheReadersArePickedUpWhenTheyCome() throws Exception {
        daemon.stop();
        daemon.startWithoutReaders();

        startService();
        awaitStatus("no reader is reported", s -> s.state() == NfcStatus.State.NO_READER);
        assertThat(service.status().recoveries()).isZero();
        daemon.stop();
        daemon.start();
        awaitStatus("both vpcd readers are watched", s -> s.watched().containsAll(VPCD_READERS));
        insert(0, VirtualCard.of(gate.newCard()));

        assertThat(nextAnswer().reason()).isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void afterPcscdRestartsTheSameValidatorTapsAgain() throws Exception {
        startWatchingBothReaders();
        VpcdCard first = insert(0, VirtualCard.of(gate.newCard()));
        assertThat(nextAnswer().reason()).isEqualTo(Reason.ACCEPTED);
        first.remove();

        daemon.stop();
        awaitStatus("PC/SC is reported unavailable", s -> s.state() == NfcStatus.State.PCSC_UNAVAILABLE);
        daemon.start();
        awaitStatus("the watchdog recovers", s -> s.recoveries() == 1 && s.watched().containsAll(VPCD_READERS));
        insert(0, VirtualCard.of(gate.newCard()));

        assertThat(nextAnswer().reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(gate.validator.pendingTaps()).isEqualTo(2);
        assertThat(service.status().taps()).isEqualTo(2);
    }

    @Test
    void twoReadersAtOneGateAreBothAnswered() throws Exception {
        startWatchingBothReaders();

        insert(0, VirtualCard.of(gate.newCard()));
        insert(1, VirtualCard.of(gate.newCard()));

        assertThat(List.of(nextAnswer().reason(), nextAnswer().reason())).containsOnly(Reason.ACCEPTED);
        assertThat(gate.validator.pendingTaps()).isEqualTo(2);
    }

    @Test
    void aCardPulledMidTransactionIsACardErrorAndNoTap() throws Exception {
        startWatchingBothReaders();

        insert(0, FaultyCard.tornAt(VirtualCard.of(gate.newCard()), 2));

        assertThat(nextAnswer().reason()).isEqualTo(Reason.CARD_ERROR);
        assertThat(gate.validator.pendingTaps()).isZero();
    }

    private void startWatchingBothReaders() {
        startService();
        awaitStatus("both vpcd readers are watched", s -> s.watched().containsAll(VPCD_READERS));
    }

    private void startService() {
        service = NfcReaders.start(new PcscTerminalSource(), ReaderNames.all(), gate.validator::tapCard, answers::add);
    }

    private VpcdCard insert(int reader, VirtualCard virtualCard) throws Exception {
        VpcdCard card = VpcdCard.forReader(reader, virtualCard);
        inserted.add(card);
        card.insert();
        return card;
    }

    private TapDecision nextAnswer() throws InterruptedException {
        TapDecision decision = answers.poll(SERVICE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (decision == null) {
            fail("no tap answered within " + SERVICE_TIMEOUT + "; service " + service.status().describe());
        }
        return decision;
    }

    /** Waits, looking every 5 ms, until the service's status is {@code wanted}; fails after 30 s. */
    private void awaitStatus(String what, Predicate<NfcStatus> wanted) {
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (!wanted.test(service.status())) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what + "; service " + service.status().describe());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
