package org.faregate.protocol.nfc;

/** A link to one card or phone in the field: send a command APDU, get its response APDU. */
@FunctionalInterface
public interface ApduChannel {

    byte[] transmit(byte[] commandApdu) throws CardLinkException;
}
