package org.faregate.protocol.token;

/** Bytes that are not a token of a format this code knows; says at which byte offset and why. */
public final class MalformedTokenException extends Exception {

    private final int offset;

    public MalformedTokenException(int offset, String message) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
