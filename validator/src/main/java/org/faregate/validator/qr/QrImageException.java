package org.faregate.validator.qr;

/** A picture that could not be read, or holds no readable QR code; the message names the file. */
public final class QrImageException extends Exception {

    public QrImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
