package org.faregate.simulator.pcsc;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link VirtualCard} so that exactly one APDU goes wrong, for gate tests of the unhappy paths.
 * APDUs are counted from 1 over the wrapper's life (resets do not restart the count); every other APDU
 * reaches the wrapped card unchanged.
 */
public final class FaultyCard implements VirtualCard {

    private enum Fault { TEAR, MUTE, GARBLE }

    private final VirtualCard card;
    private final Fault fault;
    private final int faultyApdu;
    private final byte[] garbage;
    private final AtomicInteger apdus = new AtomicInteger();

    private FaultyCard(VirtualCard card, Fault fault, int faultyApdu, byte[] garbage) {
        this.card = Objects.requireNonNull(card, "card");
        if (faultyApdu < 1) {
            throw new IllegalArgumentException("APDUs are counted from 1, got " + faultyApdu);
        }
        this.fault = fault;
        this.faultyApdu = faultyApdu;
        this.garbage = garbage;
    }

    /** The card leaves the field as APDU number {@code faultyApdu} arrives; the card never sees that APDU. */
    public static FaultyCard tornAt(VirtualCard card, int faultyApdu) {
        return new FaultyCard(card, Fault.TEAR, faultyApdu, new byte[0]);
    }

    /** APDU number {@code faultyApdu} gets no answer; the card stays in the field and never sees that APDU. */
    public static FaultyCard muteAt(VirtualCard card, int faultyApdu) {
        return new FaultyCard(card, Fault.MUTE, faultyApdu, new byte[0]);
    }

    /**
     * The card processes APDU number {@code faultyApdu} (so its state moves on) but the gate receives
     * {@code response} instead of the answer, as if it was corrupted on the air. A response shorter than a
     * status word makes the gate's transmit fail.
     */
    public static FaultyCard garbledAt(VirtualCard card, int faultyApdu, byte[] response) {
        return new FaultyCard(card, Fault.GARBLE, faultyApdu, Objects.requireNonNull(response, "response").clone());
    }

    /** How many APDUs have reached this wrapper so far, the faulty one included. */
    public int apdusSeen() {
        return apdus.get();
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public byte[] process(byte[] commandApdu) {
        int number = apdus.incrementAndGet();
        if (number != faultyApdu) {
            return card.process(commandApdu);
        }
        return switch (fault) {
            case TEAR -> throw VirtualCardFault.tear("card torn from the field at APDU " + number);
            case MUTE -> throw VirtualCardFault.mute("card did not answer APDU " + number);
            case GARBLE -> {
                card.process(commandApdu);
                yield garbage.clone();
            }
        };
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public String toString() {
        return "FaultyCard[" + fault + " at APDU " + faultyApdu + ", " + card + "]";
    }
}
