package org.faregate.simulator.pcsc;

import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.TerminalFactory;

/**
 * A set of virtual PC/SC terminals and the cards or phones held in them, for testing and demoing gate
 * software without hardware or pcscd. The gate sees them through the standard API:
 * <pre>{@code
 * VirtualTerminals terminals = new VirtualTerminals("S01-IN-1 reader");
 * TerminalFactory factory = TerminalFactory.getInstance(
 *         VirtualTerminalProvider.ALGORITHM, terminals, new VirtualTerminalProvider());
 * terminals.insert("S01-IN-1 reader", VirtualCard.of(applet));
 * }</pre>
 * Independent sets coexist in one JVM; nothing is registered globally. All methods are thread-safe:
 * a rider's thread may insert and remove cards while gate threads transmit.
 */
public final class VirtualTerminals {

    private final ChangeMonitor monitor = new ChangeMonitor();
    /** Guarded by the monitor; in the order the terminals were added. */
    private final Map<String, VirtualCardTerminal> terminals = new LinkedHashMap<>();

    public VirtualTerminals(String... terminalNames) {
        for (String name : terminalNames) {
            addTerminal(name);
        }
    }

    /** Plugs in a reader; its name is how PC/SC lists it, e.g. {@code "S01-IN-1 reader"}. */
    public void addTerminal(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("terminal name must not be blank");
        }
        monitor.lock();
        try {
            if (terminals.containsKey(name)) {
                throw new IllegalArgumentException("terminal '" + name + "' already exists");
            }
            terminals.put(name, new VirtualCardTerminal(name, monitor));
        } finally {
            monitor.unlock();
        }
    }

    public List<String> terminalNames() {
        monitor.lock();
        try {
            return List.copyOf(terminals.keySet());
        } finally {
            monitor.unlock();
        }
    }

    /**
     * Puts {@code card} into the terminal's field and powers it up ({@link VirtualCard#reset()}).
     *
     * @throws IllegalArgumentException if there is no such terminal
     * @throws IllegalStateException if the terminal already holds a card, or the card is in another terminal
     */
    public void insert(String terminalName, VirtualCard card) {
        Objects.requireNonNull(card, "card");
        monitor.lock();
        try {
            VirtualCardTerminal terminal = get(terminalName);
            if (terminal.currentInsertion() != null) {
                throw new IllegalStateException("terminal '" + terminalName + "' already holds a card; remove it first");
            }
            for (VirtualCardTerminal other : terminals.values()) {
                Insertion there = other.currentInsertion();
                if (there != null && there.card() == card) {
                    throw new IllegalStateException("the card is already in terminal '" + other.getName() + "'");
                }
            }
            Insertion insertion = new Insertion(terminal, card, monitor);
            card.reset();
            terminal.putIn(insertion);
        } finally {
            monitor.unlock();
        }
    }

    /**
     * Takes the card out of the terminal and powers it down. Connections to it fail from now on, including
     * an APDU the card is answering at this moment.
     *
     * @return the card that was removed, or empty if the terminal was empty
     */
    public Optional<VirtualCard> remove(String terminalName) {
        VirtualCardTerminal terminal = find(terminalName);
        return Optional.ofNullable(terminal.takeOut(null)).map(Insertion::card);
    }

    public boolean isCardPresent(String terminalName) {
        return find(terminalName).isCardPresent();
    }

    /** A factory over this set, through a fresh {@link VirtualTerminalProvider}. */
    public TerminalFactory terminalFactory() {
        try {
            return TerminalFactory.getInstance(VirtualTerminalProvider.ALGORITHM, this, new VirtualTerminalProvider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the virtual terminal provider lost its own algorithm", e);
        }
    }

    ChangeMonitor monitor() {
        return monitor;
    }

    List<VirtualCardTerminal> terminals() {
        monitor.lock();
        try {
            return List.copyOf(terminals.values());
        } finally {
            monitor.unlock();
        }
    }

    Map<VirtualCardTerminal, TerminalMarks> marks() {
        monitor.lock();
        try {
            Map<VirtualCardTerminal, TerminalMarks> marks = new LinkedHashMap<>();
            terminals.values().forEach(terminal -> marks.put(terminal, terminal.marks()));
            return marks;
        } finally {
            monitor.unlock();
        }
    }

    /** How many threads are blocked waiting on this set; lets tests wait until a waiter really waits. */
    int waitingThreads() {
        return monitor.waitingThreads();
    }

    private VirtualCardTerminal find(String terminalName) {
        monitor.lock();
        try {
            return get(terminalName);
        } finally {
            monitor.unlock();
        }
    }

    /** The caller holds the monitor. */
    private VirtualCardTerminal get(String terminalName) {
        VirtualCardTerminal terminal = terminals.get(Objects.requireNonNull(terminalName, "terminalName"));
        if (terminal == null) {
            throw new IllegalArgumentException("no terminal '" + terminalName + "'; terminals are " + terminals.keySet());
        }
        return terminal;
    }

    @Override
    public String toString() {
        return "VirtualTerminals" + terminalNames();
    }
}
