package org.faregate.protocol.nfc;

/** The card or phone could not be talked to (removed mid-transaction, reader gone, I/O failure). */
public final class CardLinkException extends Exception {

    public CardLinkException(String message, Throwable cause) {
        super(message, cause);
    }

    public CardLinkException(String message) {
        super(message);
    }
}
