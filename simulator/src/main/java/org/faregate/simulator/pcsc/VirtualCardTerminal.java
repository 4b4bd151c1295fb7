package org.faregate.simulator.pcsc;

import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;

/** One named reader of a {@link VirtualTerminals} set. Its state is guarded by the set's monitor. */
final class VirtualCardTerminal extends CardTerminal {

    private static final String PROTOCOL = "T=1";

    private final String name;
    private final ChangeMonitor monitor;
    private Insertion insertion;
    private long insertions;
    private long removals;

    VirtualCardTerminal(String name, ChangeMonitor monitor) {
        this.name = Objects.requireNonNull(name, "name");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public String getName() {
        return name;
    }

    /** Accepts "*" and "T=1", as a contactless reader does; "T=0" and "T=CL" are a protocol mismatch. */
    @Override
    public Card connect(String protocol) throws CardException {
        Objects.requireNonNull(protocol, "protocol");
        switch (protocol) {
            case "*", PROTOCOL -> { }
            case "T=0", "T=CL" -> throw new CardException("protocol " + protocol + " is not supported by the card in "
                    + name + " (SCARD_E_PROTO_MISMATCH); use \"*\" or \"T=1\"");
            default -> throw new IllegalArgumentException("Unsupported protocol " + protocol);
        }
        Insertion current = currentInsertion();
        if (current == null) {
            throw new CardNotPresentException("no card in terminal " + name);
        }
        return new VirtualCardSession(current, PROTOCOL);
    }

    @Override
    public boolean isCardPresent() {
        return currentInsertion() != null;
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return monitor.await(() -> insertion != null, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return monitor.await(() -> insertion == null, timeout);
    }

    Insertion currentInsertion() {
        monitor.lock();
        try {
            return insertion;
        } finally {
            monitor.unlock();
        }
    }

    /** The caller holds the monitor. */
    TerminalMarks marks() {
        return new TerminalMarks(insertions, removals);
    }

    /** The caller holds the monitor and has checked the terminal is empty. */
    void putIn(Insertion newInsertion) {
        if (insertion != null) {
            throw new IllegalStateException("terminal " + name + " already holds a card");
        }
        insertion = newInsertion;
        insertions++;
        monitor.signalChange();
    }

    /**
     * Takes the card out, if there is one and it is {@code expected} (null: whichever card is in), then
     * powers it down outside the monitor, since it may still be answering an APDU.
     *
     * @return the insertion that ended, or null if nothing was taken out
     */
    Insertion takeOut(Insertion expected) {
        Insertion removed;
        monitor.lock();
        try {
            if (insertion == null || (expected != null && insertion != expected)) {
                return null;
            }
            removed = insertion;
            insertion = null;
            removals++;
            removed.markRemoved();
            monitor.signalChange();
        } finally {
            monitor.unlock();
        }
        removed.card().reset();
        return removed;
    }

    @Override
    public String toString() {
        return "VirtualCardTerminal[" + name + "]";
    }
}
