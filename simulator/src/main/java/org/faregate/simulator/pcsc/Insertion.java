package org.faregate.simulator.pcsc;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.CardException;

/**
 * One stay of a card in a terminal, from insertion to removal. Connections hold the insertion, not the
 * terminal, so a connection to a removed card keeps failing even after another card goes in.
 */
final class Insertion {

    private final VirtualCardTerminal terminal;
    private final VirtualCard card;
    private final ChangeMonitor monitor;
    private final byte[] atr;
    /** One APDU at a time reaches the card, as a reader does. Never held while waiting for the monitor. */
    private final ReentrantLock apduLock = new ReentrantLock();
    /** Written under the monitor; volatile so an APDU in flight sees a removal without the monitor. */
    private volatile boolean present = true;
    private VirtualCardSession exclusiveOwner;

    Insertion(VirtualCardTerminal terminal, VirtualCard card, ChangeMonitor monitor) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.card = Objects.requireNonNull(card, "card");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.atr = HolderAppletCard.requireAtr(card.atr());
    }

    VirtualCard card() {
        return card;
    }

    byte[] atr() {
        return atr.clone();
    }

    boolean isPresent() {
        return present;
    }

    /** The card left the terminal; the caller holds the monitor. */
    void markRemoved() {
        present = false;
        exclusiveOwner = null;
    }

    byte[] transmit(VirtualCardSession session, byte[] command) throws CardException {
        checkAccess(session);
        apduLock.lock();
        try {
            requirePresent();
            byte[] response;
            try {
                response = card.process(command.clone());
            } catch (VirtualCardFault fault) {
                if (fault.tearsCard()) {
                    terminal.takeOut(this);
                    throw new CardException("card removed from " + terminal.getName() + " mid-APDU: "
                            + fault.getMessage(), fault);
                }
                throw new CardException("no answer from the card in " + terminal.getName() + ": "
                        + fault.getMessage(), fault);
            }
            requirePresent();
            if (response == null || response.length < 2) {
                throw new CardException("card in " + terminal.getName() + " answered "
                        + (response == null ? 0 : response.length) + " bytes, shorter than a status word");
            }
            return response.clone();
        } finally {
            apduLock.unlock();
        }
    }

    void beginExclusive(VirtualCardSession session) throws CardException {
        monitor.lock();
        try {
            if (exclusiveOwner == session) {
                throw new IllegalStateException("this connection already has exclusive access");
            }
            monitor.await(() -> !present || exclusiveOwner == null, 0);
            requirePresent();
            exclusiveOwner = session;
        } finally {
            monitor.unlock();
        }
    }

    void endExclusive(VirtualCardSession session) {
        monitor.lock();
        try {
            if (exclusiveOwner != session) {
                throw new IllegalStateException("this connection does not have exclusive access");
            }
            exclusiveOwner = null;
            monitor.signalChange();
        } finally {
            monitor.unlock();
        }
    }

    /** A connection went away: it gives up exclusive access if it had it. */
    void release(VirtualCardSession session) {
        monitor.lock();
        try {
            if (exclusiveOwner == session) {
                exclusiveOwner = null;
                monitor.signalChange();
            }
        } finally {
            monitor.unlock();
        }
    }

    /** Power-cycles the card if it is still in the terminal (a disconnect with reset). */
    void resetCard() {
        apduLock.lock();
        try {
            if (present) {
                card.reset();
            }
        } finally {
            apduLock.unlock();
        }
    }

    private void checkAccess(VirtualCardSession session) throws CardException {
        monitor.lock();
        try {
            requirePresent();
            if (exclusiveOwner != null && exclusiveOwner != session) {
                throw new CardException("sharing violation: another connection to the card in "
                        + terminal.getName() + " holds exclusive access");
            }
        } finally {
            monitor.unlock();
        }
    }

    private void requirePresent() throws CardException {
        if (!present) {
            throw new CardException("card removed from " + terminal.getName() + " (SCARD_W_REMOVED_CARD)");
        }
    }
}
