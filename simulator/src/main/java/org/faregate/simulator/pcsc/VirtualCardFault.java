package org.faregate.simulator.pcsc;

/**
 * Thrown by {@link VirtualCard#process} to break the link as real hardware does. A tear takes the card
 * out of the terminal (the gate sees it gone, as with SCARD_W_REMOVED_CARD); a mute answer leaves it in.
 * Either way the gate's {@code transmit} fails with a {@code CardException} that chains this fault.
 */
public final class VirtualCardFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean tearsCard;

    private VirtualCardFault(String message, boolean tearsCard) {
        super(message);
        this.tearsCard = tearsCard;
    }

    /** The card left the field while the APDU was in flight. */
    public static VirtualCardFault tear(String message) {
        return new VirtualCardFault(message, true);
    }

    /** The card stayed in the field but did not answer (transmission error, timeout). */
    public static VirtualCardFault mute(String message) {
        return new VirtualCardFault(message, false);
    }

    public boolean tearsCard() {
        return tearsCard;
    }
}
