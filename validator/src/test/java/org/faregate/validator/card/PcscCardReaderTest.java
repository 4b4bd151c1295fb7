package org.faregate.validator.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.faregate.protocol.GateId;
import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.Test;

class PcscCardReaderTest {

    private final TestTokens tokens = new TestTokens();
    private final Credential credential = tokens.validCredential();
    private final NfcChallenge challenge = NfcChallenge.fresh(new SecureRandom(), Instant.parse("2025-06-02T08:00:00Z"),
            GateId.of("S01-IN-1"));

    @Test
    void readsTheCardsAnswerToTheChallengeAndDisconnects() throws Exception {
        FakeTerminal terminal = new FakeTerminal(new HolderApplet(credential, tokens.deviceKey, 4), Integer.MAX_VALUE);

        NfcPresentation presentation = new PcscCardReader(terminal).read(challenge);

        assertThat(presentation.credential()).isEqualTo(credential);
        assertThat(presentation.counter()).isEqualTo(5);
        assertThat(presentation.challenge()).isEqualTo(challenge);
        assertThat(terminal.disconnected).isTrue();
    }

    @Test
    void cardLeavingMidTransactionIsACardLinkFailure() {
        FakeTerminal terminal = new FakeTerminal(new HolderApplet(credential, tokens.deviceKey, 0), 1);

        assertThatThrownBy(() -> new PcscCardReader(terminal).read(challenge))
                .isInstanceOf(CardLinkException.class)
                .hasMessageContaining("fake reader");
        assertThat(terminal.disconnected).isTrue();
    }

    @Test
    void noCardInTheFieldIsACardLinkFailure() {
        FakeTerminal terminal = new FakeTerminal(null, 0);

        assertThatThrownBy(() -> new PcscCardReader(terminal).read(challenge)).isInstanceOf(CardLinkException.class);
    }

    /** A javax.smartcardio terminal holding an in-memory applet that goes away after {@code apduBudget} APDUs. */
    static final class FakeTerminal extends CardTerminal {
        private final HolderApplet applet;
        private int apduBudget;
        boolean disconnected;

        FakeTerminal(HolderApplet applet, int apduBudget) {
            this.applet = applet;
            this.apduBudget = apduBudget;
        }

        @Override
        public String getName() {
            return "fake reader 0";
        }

        @Override
        public Card connect(String protocol) throws CardException {
            if (applet == null) {
                throw new CardNotPresentException("no card present");
            }
            return new FakeCard();
        }

        @Override
        public boolean isCardPresent() {
            return applet != null;
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            return isCardPresent();
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            return !isCardPresent();
        }

        private final class FakeCard extends Card {
            @Override
            public ATR getATR() {
                return new ATR(new byte[] {0x3B, 0x00});
            }

            @Override
            public String getProtocol() {
                return "T=1";
            }

            @Override
            public CardChannel getBasicChannel() {
                return new FakeChannel(this);
            }

            @Override
            public CardChannel openLogicalChannel() throws CardException {
                throw new CardException("no logical channels");
            }

            @Override
            public void beginExclusive() {
            }

            @Override
            public void endExclusive() {
            }

            @Override
            public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
                throw new CardException("no control commands");
            }

            @Override
            public void disconnect(boolean reset) {
                disconnected = true;
                applet.reset();
            }
        }

        private final class FakeChannel extends CardChannel {
            private final Card card;

            FakeChannel(Card card) {
                this.card = card;
            }

            @Override
            public Card getCard() {
                return card;
            }

            @Override
            public int getChannelNumber() {
                return 0;
            }

            @Override
            public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                if (apduBudget-- <= 0) {
                    throw new CardException("SCARD_W_REMOVED_CARD");
                }
                return new ResponseAPDU(applet.process(command.getBytes()));
            }

            @Override
            public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
                byte[] in = new byte[command.remaining()];
                command.get(in);
                byte[] out = transmit(new CommandAPDU(in)).getBytes();
                response.put(out);
                return out.length;
            }

            @Override
            public void close() {
            }
        }
    }
}
