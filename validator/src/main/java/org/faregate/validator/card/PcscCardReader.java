package org.faregate.validator.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import org.faregate.protocol.nfc.ApduChannel;
import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.nfc.NfcReader;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.token.TokenRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CardReader} over javax.smartcardio (PC/SC or any other provider): connects to the card in one
 * terminal, runs the Faregate NFC exchange on the basic channel and disconnects. The only class of the
 * validator that touches javax.smartcardio; it never picks a provider itself.
 */
public final class PcscCardReader implements CardReader {

    private static final Logger logger = LoggerFactory.getLogger(PcscCardReader.class);

    private final CardTerminal terminal;

    public PcscCardReader(CardTerminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** The first terminal of {@code terminals} with a card in its field, if any. */
    public static Optional<CardTerminal> findCardPresent(CardTerminals terminals) throws CardLinkException {
        try {
            List<CardTerminal> present = terminals.list(CardTerminals.State.CARD_PRESENT);
            return present.stream().findFirst();
        } catch (CardException e) {
            throw new CardLinkException("cannot list card terminals: " + e.getMessage(), e);
        }
    }

    @Override
    public NfcPresentation read(NfcChallenge challenge) throws CardLinkException, TokenRejectedException {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException | RuntimeException e) {
            throw new CardLinkException("cannot connect to card in " + terminal.getName() + ": " + e.getMessage(), e);
        }
        try {
            return NfcReader.read(channelOf(card), challenge);
        } finally {
            disconnect(card);
        }
    }

    private ApduChannel channelOf(Card card) {
        return command -> {
            try {
                logger.trace("APDU out [terminal={}, bytes={}]", terminal.getName(), command.length);
                byte[] response = card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
                logger.trace("APDU in [terminal={}, bytes={}]", terminal.getName(), response.length);
                return response;
            } catch (CardException | RuntimeException e) {
                throw new CardLinkException("card in " + terminal.getName() + " failed: " + e.getMessage(), e);
            }
        };
    }

    private void disconnect(Card card) {
        try {
            card.disconnect(false);
        } catch (CardException | RuntimeException e) {
            logger.debug("Card disconnect failed [terminal={}]: {}", terminal.getName(), e.getMessage());
        }
    }
}
