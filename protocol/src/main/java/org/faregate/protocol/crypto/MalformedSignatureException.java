package org.faregate.protocol.crypto;

import java.security.SignatureException;

/** A signature whose bytes are not a well-formed encoding at all (as opposed to one that does not verify). */
public final class MalformedSignatureException extends SignatureException {

    public MalformedSignatureException(String message) {
        super(message);
    }
}
