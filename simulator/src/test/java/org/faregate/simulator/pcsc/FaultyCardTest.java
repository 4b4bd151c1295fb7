package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CardTerminals.State;
import javax.smartcardio.CommandAPDU;
import org.faregate.protocol.Reason;
import org.faregate.protocol.nfc.Apdus;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.nfc.NfcReader;
import org.faregate.protocol.token.TokenRejectedException;
import org.junit.jupiter.api.Test;

class FaultyCardTest {

    private static final String IN_1 = "S01-IN-1 reader";

    private final Riders riders = new Riders();
    private final VirtualTerminals terminals = new VirtualTerminals(IN_1);
    private final CardTerminals cardTerminals = terminals.terminalFactory().terminals();

    @Test
    void aTornCardFailsTheApduAndLeavesTheTerminal() throws Exception {
        HolderApplet applet = riders.newCard();
        FaultyCard card = FaultyCard.tornAt(VirtualCard.of(applet), 2);
        terminals.insert(IN_1, card);
        assertThat(cardTerminals.waitForChange(1)).isFalse();
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();

        assertThat(channel.transmit(new CommandAPDU(Apdus.select())).getSW()).isEqualTo(Apdus.SW_OK);
        assertThatThrownBy(() -> channel.transmit(authenticate()))
                .isInstanceOf(CardException.class)
                .hasCauseInstanceOf(VirtualCardFault.class)
                .hasMessageContaining("removed");

        assertThat(applet.counter()).as("the card never signed").isZero();
        assertThat(cardTerminals.getTerminal(IN_1).isCardPresent()).isFalse();
        assertThat(cardTerminals.waitForChange(0)).isTrue();
        assertThat(cardTerminals.list(State.CARD_REMOVAL)).hasSize(1);
        assertThat(card.apdusSeen()).isEqualTo(2);
    }

    @Test
    void aMuteAnswerFailsOneApduAndTheCardStays() throws Exception {
        terminals.insert(IN_1, FaultyCard.muteAt(VirtualCard.of(riders.newCard()), 1));
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();

        assertThatThrownBy(() -> channel.transmit(new CommandAPDU(Apdus.select())))
                .isInstanceOf(CardException.class)
                .hasMessageContaining("no answer");

        assertThat(terminals.isCardPresent(IN_1)).isTrue();
        assertThat(channel.transmit(new CommandAPDU(Apdus.select())).getSW()).isEqualTo(Apdus.SW_OK);
    }

    @Test
    void aGarbledAnswerReachesTheGateAfterTheCardActed() throws Exception {
        HolderApplet applet = riders.newCard();
        byte[] garbage = {0x13, 0x37, (byte) 0x90, 0x00};
        terminals.insert(IN_1, FaultyCard.garbledAt(VirtualCard.of(applet), 2, garbage));
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();

        assertThatThrownBy(() -> NfcReader.read(Riders.link(channel), riders.challenge("S01-IN-1")))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TOKEN));
        assertThat(applet.counter()).as("the card signed, the gate got garbage").isEqualTo(1);
    }

    @Test
    void anAnswerShorterThanAStatusWordFailsTheTransmit() throws Exception {
        terminals.insert(IN_1, FaultyCard.garbledAt(VirtualCard.of(riders.newCard()), 1, new byte[] {0x6A}));
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();

        assertThatThrownBy(() -> channel.transmit(new CommandAPDU(Apdus.select())))
                .isInstanceOf(CardException.class)
                .hasMessageContaining("shorter than a status word");
    }

    @Test
    void apdusAreCountedFromOne() {
        assertThatThrownBy(() -> FaultyCard.muteAt(VirtualCard.of(riders.newCard()), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private CommandAPDU authenticate() {
        return new CommandAPDU(Apdus.authenticate(riders.challenge("S01-IN-1").encoded()));
    }
}
