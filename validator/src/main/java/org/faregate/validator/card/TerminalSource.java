package org.faregate.validator.card;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;

/**
 * Where {@link NfcReaders} gets the gate's card terminals. It asks once at start and again each time PC/SC
 * failed, after it stopped using every terminal of the previous answer; each answer must therefore be a fresh
 * view of the readers, not one cached from before the failure.
 */
@FunctionalInterface
public interface TerminalSource {

    /**
     * A fresh view of the card terminals.
     *
     * @throws CardException if PC/SC cannot be reached now (e.g. pcscd is down); the caller retries later
     */
    CardTerminals open() throws CardException;
}
