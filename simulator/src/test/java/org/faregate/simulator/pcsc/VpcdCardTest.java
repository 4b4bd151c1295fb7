package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.faregate.protocol.Reason;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.validator.decision.TapDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator on a real pcscd through the JDK's PC/SC provider, with virtual cards in vpcd's readers:
 * the code path of a USB reader. Skipped where pcscd and vpcd are missing (see {@link RealPcsc}).
 */
class VpcdCardTest {

    @TempDir
    Path dataDir;

    private CardTerminals terminals;
    private PcscGate gate;
    private final List<VpcdCard> inserted = new ArrayList<>();

    @BeforeEach
    void openGate() {
        terminals = RealPcsc.terminalsOrSkip();
        gate = new PcscGate(dataDir);
    }

    @AfterEach
    void removeCardsAndCloseGate() throws CardException {
        for (VpcdCard card : inserted) {
            card.remove();
        }
        if (gate != null) {
            gate.close();
        }
        if (terminals != null) {
            // The next test starts with empty readers, as pcscd sees them.
            RealPcsc.awaitCardAbsent(terminals.getTerminal(RealPcsc.READER_0));
            RealPcsc.awaitCardAbsent(terminals.getTerminal(RealPcsc.READER_1));
        }
    }

    @Test
    void pcscdListsBothVpcdReaders() throws CardException {
        assertThat(terminals.list()).extracting(CardTerminal::getName)
                .contains(RealPcsc.READER_0, RealPcsc.READER_1);
    }

    @Test
    void aCardInsertedIntoTheVpcdReaderIsSeenByPcscd() throws Exception {
        CardTerminal reader = terminals.getTerminal(RealPcsc.READER_0);

        VpcdCard card = insert(0, VirtualCard.of(gate.newCard()));

        RealPcsc.awaitCardPresent(reader);
        assertThat(card.isInserted()).isTrue();
        assertThat(reader.connect("*").getATR().getBytes()).isEqualTo(VirtualCard.contactlessAtr());
    }

    @Test
    void aCardRemovedFromTheVpcdReaderIsGoneForPcscd() throws Exception {
        CardTerminal reader = terminals.getTerminal(RealPcsc.READER_0);
        VpcdCard card = insert(0, VirtualCard.of(gate.newCard()));
        RealPcsc.awaitCardPresent(reader);

        card.remove();

        assertThat(card.isInserted()).isFalse();
        RealPcsc.awaitCardAbsent(reader);
        assertThat(reader.isCardPresent()).isFalse();
    }

    @Test
    void aCardInTheVpcdReaderIsAcceptedByTheValidator() throws Exception {
        CardTerminal reader = terminals.getTerminal(RealPcsc.READER_0);
        HolderApplet applet = gate.newCard();
        insert(0, VirtualCard.of(applet));
        RealPcsc.awaitCardPresent(reader);

        TapDecision decision = gate.validator.tapCard(reader);

        assertThat(decision.reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(gate.validator.pendingTaps()).isEqualTo(1);
        assertThat(applet.counter()).isEqualTo(1);
    }

    @Test
    void aCardRemovedAfterSelectGivesCardErrorAndJournalsNoTap() throws Exception {
        CardTerminal reader = terminals.getTerminal(RealPcsc.READER_0);
        FaultyCard tornAfterSelect = FaultyCard.tornAt(VirtualCard.of(gate.newCard()), 2);
        VpcdCard card = insert(0, tornAfterSelect);
        RealPcsc.awaitCardPresent(reader);
        int pendingBefore = gate.validator.pendingTaps();

        TapDecision decision = gate.validator.tapCard(reader);

        assertThat(decision.reason()).isEqualTo(Reason.CARD_ERROR);
        assertThat(tornAfterSelect.apdusSeen()).isEqualTo(2);
        assertThat(card.isInserted()).isFalse();
        assertThat(gate.validator.pendingTaps()).isEqualTo(pendingBefore);
    }

    @Test
    void twoReadersAtOneGateDecideAtTheSameTime() throws Exception {
        CardTerminal reader0 = terminals.getTerminal(RealPcsc.READER_0);
        CardTerminal reader1 = terminals.getTerminal(RealPcsc.READER_1);
        insert(0, VirtualCard.of(gate.newCard()));
        insert(1, VirtualCard.of(gate.newCard()));
        RealPcsc.awaitCardPresent(reader0);
        RealPcsc.awaitCardPresent(reader1);

        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<TapDecision> tap0 = CompletableFuture.supplyAsync(() -> gate.validator.tapCard(reader0),
                    readers);
            CompletableFuture<TapDecision> tap1 = CompletableFuture.supplyAsync(() -> gate.validator.tapCard(reader1),
                    readers);

            assertThat(tap0.get(10, TimeUnit.SECONDS).reason()).isEqualTo(Reason.ACCEPTED);
            assertThat(tap1.get(10, TimeUnit.SECONDS).reason()).isEqualTo(Reason.ACCEPTED);
        } finally {
            readers.shutdownNow();
        }
        assertThat(gate.validator.pendingTaps()).isEqualTo(2);
    }

    private VpcdCard insert(int reader, VirtualCard virtualCard) throws Exception {
        VpcdCard card = VpcdCard.forReader(reader, virtualCard);
        inserted.add(card);
        card.insert();
        return card;
    }
}
