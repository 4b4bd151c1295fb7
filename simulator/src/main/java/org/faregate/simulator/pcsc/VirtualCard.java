package org.faregate.simulator.pcsc;

import org.faregate.protocol.nfc.HolderApplet;

/**
 * A card or phone that can be put into a virtual terminal. The terminal sends it one APDU at a time,
 * but {@link #reset()} may arrive from the rider's thread while an APDU is being processed (a card
 * snatched from the field), so implementations must be thread-safe.
 *
 * <p>To make the link fail the way real hardware does, {@link #process} may throw
 * {@link VirtualCardFault}; the terminal reports it to the gate as a {@code CardException}.
 */
public interface VirtualCard {

    /** The answer to reset the terminal reports, 2 to 33 bytes starting with TS 3B or 3F. */
    byte[] atr();

    /** Answers one command APDU with a response APDU (data and status word). */
    byte[] process(byte[] commandApdu);

    /** Power-up or power-down: called when the card enters or leaves the field, and on a reset disconnect. */
    void reset();

    /**
     * The PC/SC part 3 ATR of an ISO 14443-4 contactless card as a reader reports it:
     * {@code 3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A}.
     */
    static byte[] contactlessAtr() {
        return HolderAppletCard.contactlessAtr();
    }

    /** A Faregate card or phone running {@code applet}, with the {@linkplain #contactlessAtr() contactless ATR}. */
    static VirtualCard of(HolderApplet applet) {
        return new HolderAppletCard(applet, contactlessAtr());
    }

    static VirtualCard of(HolderApplet applet, byte[] atr) {
        return new HolderAppletCard(applet, atr);
    }
}
