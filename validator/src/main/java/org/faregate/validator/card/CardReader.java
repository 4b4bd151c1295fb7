package org.faregate.validator.card;

import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.token.TokenRejectedException;

/**
 * One NFC transaction with the card or phone in the reader's field: it answers the gate's challenge.
 * {@link CardLinkException} means the card could not be talked to (no tap happened);
 * {@link TokenRejectedException} means it answered with something that is not a valid token.
 */
@FunctionalInterface
public interface CardReader {

    NfcPresentation read(NfcChallenge challenge) throws CardLinkException, TokenRejectedException;
}
