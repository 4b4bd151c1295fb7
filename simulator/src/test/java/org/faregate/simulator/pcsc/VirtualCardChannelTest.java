package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.nfc.Apdus;
import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.nfc.NfcReader;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.token.VerifiedPresentation;
import org.junit.jupiter.api.Test;

class VirtualCardChannelTest {

    private static final String IN_1 = "S01-IN-1 reader";
    private static final String IN_2 = "S01-IN-2 reader";

    private final Riders riders = new Riders();
    private final VirtualTerminals terminals = new VirtualTerminals(IN_1, IN_2);
    private final CardTerminals cardTerminals = terminals.terminalFactory().terminals();

    @Test
    void aGateReadsAndVerifiesACardThroughTheStandardApi() throws Exception {
        HolderApplet applet = riders.newCard();
        terminals.insert(IN_1, VirtualCard.of(applet));
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);

        Card card = terminal.connect("*");
        NfcPresentation presentation = NfcReader.read(Riders.link(card.getBasicChannel()), riders.challenge("S01-IN-1"));
        VerifiedPresentation verified = riders.verifier().verify(presentation, Riders.NOW);

        assertThat(card.getProtocol()).isEqualTo("T=1");
        assertThat(card.getATR().getBytes()).isEqualTo(VirtualCard.contactlessAtr());
        assertThat(verified.kind()).isEqualTo(VerifiedPresentation.Kind.NFC);
        assertThat(verified.counter()).isEqualTo(1);
        assertThat(applet.counter()).isEqualTo(1);
    }

    @Test
    void removingTheCardMidTransactionFailsTheNextTransmit() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("T=1").getBasicChannel();
        assertThat(channel.transmit(new CommandAPDU(Apdus.select())).getSW()).isEqualTo(Apdus.SW_OK);

        terminals.remove(IN_1);

        CommandAPDU authenticate = new CommandAPDU(Apdus.authenticate(riders.challenge("S01-IN-1").encoded()));
        assertThatThrownBy(() -> channel.transmit(authenticate))
                .isInstanceOf(CardException.class)
                .hasMessageContaining("removed");
    }

    @Test
    void theGateSeesACardLinkFailureWhenTheCardIsRemoved() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();
        terminals.remove(IN_1);

        assertThatThrownBy(() -> NfcReader.read(Riders.link(channel), riders.challenge("S01-IN-1")))
                .isInstanceOf(CardLinkException.class)
                .hasCauseInstanceOf(CardException.class);
    }

    @Test
    void removingTheCardWhileItAnswersLosesTheAnswer() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch removed = new CountDownLatch(1);
        terminals.insert(IN_1, new SlowCard(answering, removed));
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();

        CompletableFuture<ResponseAPDU> gate = CompletableFuture.supplyAsync(() -> transmitSelect(channel));
        assertThat(answering.await(5, TimeUnit.SECONDS)).isTrue();
        terminals.remove(IN_1);
        removed.countDown();

        assertThatThrownBy(() -> gate.get(5, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(CardException.class)
                .hasMessageContaining("removed");
    }

    @Test
    void aConnectionDiesWithItsCardEvenIfAnotherCardGoesIn() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        CardChannel old = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();
        terminals.remove(IN_1);
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));

        assertThatThrownBy(() -> old.transmit(new CommandAPDU(Apdus.select()))).isInstanceOf(CardException.class);
        CardChannel fresh = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();
        assertThat(fresh.transmit(new CommandAPDU(Apdus.select())).getSW()).isEqualTo(Apdus.SW_OK);
    }

    @Test
    void twoTerminalsServeTheirOwnCards() throws Exception {
        HolderApplet first = riders.newCard();
        HolderApplet second = riders.newCard();
        terminals.insert(IN_1, VirtualCard.of(first));
        terminals.insert(IN_2, VirtualCard.of(second));
        Card card1 = cardTerminals.getTerminal(IN_1).connect("*");
        Card card2 = cardTerminals.getTerminal(IN_2).connect("*");

        terminals.remove(IN_2);
        NfcPresentation read = NfcReader.read(Riders.link(card1.getBasicChannel()), riders.challenge("S01-IN-1"));

        assertThat(read.credential().id()).isEqualTo(credentialIdOf(first)).isNotEqualTo(credentialIdOf(second));
        assertThat(first.counter()).isEqualTo(1);
        assertThat(second.counter()).isZero();
        assertThatThrownBy(() -> card2.getBasicChannel().transmit(new CommandAPDU(Apdus.select())))
                .isInstanceOf(CardException.class);
    }

    @Test
    void transmitsThroughByteBuffersLikeThePcscProvider() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        CardChannel channel = cardTerminals.getTerminal(IN_1).connect("*").getBasicChannel();
        ByteBuffer command = ByteBuffer.wrap(Apdus.select());
        ByteBuffer response = ByteBuffer.allocate(258);

        int length = channel.transmit(command, response);

        assertThat(command.hasRemaining()).isFalse();
        assertThat(response.position()).isEqualTo(length);
        assertThat(new ResponseAPDU(Arrays.copyOf(response.array(), length)).getSW()).isEqualTo(Apdus.SW_OK);
        assertThatThrownBy(() -> channel.transmit(ByteBuffer.wrap(Apdus.select()), ByteBuffer.allocate(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Insufficient space");
        assertThatThrownBy(() -> channel.transmit(command, command)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectingNeedsACardAndAContactlessProtocol() throws Exception {
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);
        assertThatThrownBy(() -> terminal.connect("*")).isInstanceOf(CardNotPresentException.class);

        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));

        assertThat(terminal.connect("T=1").getProtocol()).isEqualTo("T=1");
        assertThatThrownBy(() -> terminal.connect("T=0")).isInstanceOf(CardException.class);
        assertThatThrownBy(() -> terminal.connect("T=2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDisconnectedCardRefusesFurtherUse() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        Card card = cardTerminals.getTerminal(IN_1).connect("*");
        CardChannel channel = card.getBasicChannel();

        card.disconnect(false);
        card.disconnect(false);

        assertThatThrownBy(() -> channel.transmit(new CommandAPDU(Apdus.select())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(card::getBasicChannel).isInstanceOf(IllegalStateException.class);
        assertThat(terminals.isCardPresent(IN_1)).isTrue();
    }

    @Test
    void disconnectingWithResetDeselectsTheApplication() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);
        Card card = terminal.connect("*");
        card.getBasicChannel().transmit(new CommandAPDU(Apdus.select()));

        card.disconnect(true);

        CommandAPDU authenticate = new CommandAPDU(Apdus.authenticate(riders.challenge("S01-IN-1").encoded()));
        assertThat(terminal.connect("*").getBasicChannel().transmit(authenticate).getSW())
                .isEqualTo(Apdus.SW_CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void onlyTheBasicChannelIsOffered() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        Card card = cardTerminals.getTerminal(IN_1).connect("*");

        assertThat(card.getBasicChannel().getChannelNumber()).isZero();
        assertThatThrownBy(card::openLogicalChannel).isInstanceOf(CardException.class);
        assertThatThrownBy(() -> card.getBasicChannel().close()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> card.getBasicChannel().transmit(new CommandAPDU(0x00, 0x70, 0x00, 0x00)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exclusiveAccessShutsOutOtherConnectionsUntilItEnds() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);
        Card gate = terminal.connect("*");
        Card intruder = terminal.connect("*");
        CommandAPDU select = new CommandAPDU(Apdus.select());

        gate.beginExclusive();
        assertThatThrownBy(gate::beginExclusive).isInstanceOf(IllegalStateException.class);
        assertThat(gate.getBasicChannel().transmit(select).getSW()).isEqualTo(Apdus.SW_OK);
        assertThatThrownBy(() -> intruder.getBasicChannel().transmit(select))
                .isInstanceOf(CardException.class)
                .hasMessageContaining("exclusive");
        assertThatThrownBy(intruder::endExclusive).isInstanceOf(IllegalStateException.class);

        gate.endExclusive();

        assertThat(intruder.getBasicChannel().transmit(select).getSW()).isEqualTo(Apdus.SW_OK);
    }

    @Test
    void beginExclusiveWaitsForTheHolderToLetGo() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);
        Card gate = terminal.connect("*");
        Card other = terminal.connect("*");
        gate.beginExclusive();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> beginExclusive(other));
        Riders.awaitCondition("the other connection waits", () -> terminals.waitingThreads() == 1);
        assertThat(waiting).isNotDone();
        gate.disconnect(false);

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(other.getBasicChannel().transmit(new CommandAPDU(Apdus.select())).getSW()).isEqualTo(Apdus.SW_OK);
    }

    private static CredentialId credentialIdOf(HolderApplet applet) throws Exception {
        byte[] select = applet.process(Apdus.select());
        return Credential.parse(Arrays.copyOf(select, select.length - 2)).id();
    }

    private static ResponseAPDU transmitSelect(CardChannel channel) {
        try {
            return channel.transmit(new CommandAPDU(Apdus.select()));
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void beginExclusive(Card card) {
        try {
            card.beginExclusive();
        } catch (CardException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers SELECT only when told to, so a test can pull the card out mid-answer. */
    private static final class SlowCard implements VirtualCard {

        private final CountDownLatch answering;
        private final CountDownLatch proceed;

        SlowCard(CountDownLatch answering, CountDownLatch proceed) {
            this.answering = answering;
            this.proceed = proceed;
        }

        @Override
        public byte[] atr() {
            return VirtualCard.contactlessAtr();
        }

        @Override
        public byte[] process(byte[] commandApdu) {
            answering.countDown();
            try {
                if (!proceed.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the card answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new byte[] {(byte) 0x90, 0x00};
        }

        @Override
        public void reset() {
        }
    }
}
