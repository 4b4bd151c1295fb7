package org.faregate.simulator.pcsc;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/** A connection to the card of one {@link Insertion}: what {@code CardTerminal.connect} returns. */
final class VirtualCardSession extends Card {

    private final Insertion insertion;
    private final String protocol;
    private final ATR atr;
    private final VirtualCardChannel basicChannel;
    private final AtomicBoolean disconnected = new AtomicBoolean();

    VirtualCardSession(Insertion insertion, String protocol) {
        this.insertion = Objects.requireNonNull(insertion, "insertion");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.atr = new ATR(insertion.atr());
        this.basicChannel = new VirtualCardChannel(this);
    }

    @Override
    public ATR getATR() {
        return atr;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basicChannel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkConnected();
        throw new CardException("logical channels are not supported by virtual cards");
    }

    @Override
    public void beginExclusive() throws CardException {
        checkConnected();
        insertion.beginExclusive(this);
    }

    @Override
    public void endExclusive() throws CardException {
        checkConnected();
        insertion.endExclusive(this);
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkConnected();
        throw new CardException("control commands are not supported by virtual terminals");
    }

    @Override
    public void disconnect(boolean reset) {
        if (!disconnected.compareAndSet(false, true)) {
            return;
        }
        insertion.release(this);
        if (reset) {
            insertion.resetCard();
        }
    }

    byte[] transmit(byte[] command) throws CardException {
        checkConnected();
        return insertion.transmit(this, command);
    }

    void checkConnected() {
        if (disconnected.get()) {
            throw new IllegalStateException("card has been disconnected");
        }
    }

    @Override
    public String toString() {
        return "VirtualCardSession[" + protocol + (disconnected.get() ? ", disconnected" : "") + "]";
    }
}
