package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.faregate.protocol.nfc.Apdus;
import org.faregate.protocol.nfc.HolderApplet;
import org.junit.jupiter.api.Test;

class VirtualTerminalsTest {

    private static final String IN_1 = "S01-IN-1 reader";
    private static final String IN_2 = "S01-IN-2 reader";

    private final Riders riders = new Riders();
    private final VirtualTerminals terminals = new VirtualTerminals(IN_1, IN_2);

    @Test
    void removeHandsBackTheCardAndIsHarmlessOnAnEmptyTerminal() {
        VirtualCard card = VirtualCard.of(riders.newCard());
        terminals.insert(IN_1, card);

        assertThat(terminals.remove(IN_1)).containsSame(card);
        assertThat(terminals.remove(IN_1)).isEmpty();
        assertThat(terminals.isCardPresent(IN_1)).isFalse();
    }

    @Test
    void aTerminalHoldsOneCardAtATime() {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));

        assertThatThrownBy(() -> terminals.insert(IN_1, VirtualCard.of(riders.newCard())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds a card");
    }

    @Test
    void aCardCannotBeInTwoTerminalsAtOnce() {
        VirtualCard card = VirtualCard.of(riders.newCard());
        terminals.insert(IN_1, card);

        assertThatThrownBy(() -> terminals.insert(IN_2, card))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(IN_1);

        terminals.remove(IN_1);
        terminals.insert(IN_2, card);
        assertThat(terminals.isCardPresent(IN_2)).isTrue();
    }

    @Test
    void unknownAndDuplicateTerminalNamesAreRefused() {
        assertThatThrownBy(() -> terminals.insert("S09-IN-1 reader", VirtualCard.of(riders.newCard())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S09-IN-1 reader");
        assertThatThrownBy(() -> terminals.addTerminal(IN_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terminals.addTerminal(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(terminals.terminalNames()).containsExactly(IN_1, IN_2);
    }

    @Test
    void insertingAndRemovingPowerCyclesTheCard() {
        HolderApplet applet = riders.newCard();
        VirtualCard card = VirtualCard.of(applet);
        terminals.insert(IN_1, card);
        assertThat(status(applet.process(Apdus.select()))).isEqualTo(Apdus.SW_OK);

        terminals.remove(IN_1);

        byte[] authenticate = Apdus.authenticate(riders.challenge("S01-IN-1").encoded());
        assertThat(status(applet.process(authenticate))).isEqualTo(Apdus.SW_CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void theContactlessAtrIsWellFormed() {
        byte[] atr = VirtualCard.contactlessAtr();

        assertThat(atr[0]).isEqualTo((byte) 0x3B);
        int historicalBytes = atr[1] & 0x0F;
        assertThat(atr).hasSize(4 + historicalBytes + 1);
        int check = 0;
        for (int i = 1; i < atr.length; i++) {
            check ^= atr[i];
        }
        assertThat(check).as("TCK makes T0..TCK xor to zero").isZero();
    }

    @Test
    void malformedAtrsAreRefused() {
        HolderApplet applet = riders.newCard();

        assertThatThrownBy(() -> VirtualCard.of(applet, new byte[] {0x3B}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VirtualCard.of(applet, new byte[] {0x12, 0x00}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VirtualCard.of(applet, new byte[] {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01}).atr())
                .hasSize(5);
    }

    private static int status(byte[] response) {
        return ((response[response.length - 2] & 0xff) << 8) | (response[response.length - 1] & 0xff);
    }
}
