package org.faregate.protocol.wire;

/** A message body that is not valid JSON of the expected shape; the message says which field. */
public final class WireFormatException extends Exception {

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
