package org.faregate.protocol.token;

import org.faregate.protocol.Bytes;

/** What a device shows a gate: its credential plus a fresh signature by the device key. */
public sealed interface Presentation permits QrPresentation, NfcPresentation {

    Credential credential();

    /** The device's presentation counter, from 1; checked against the credential's offline limit. */
    long counter();

    Bytes deviceSignature();

    /** The exact bytes the device key signed (domain tag included). */
    byte[] signedMessage();
}
