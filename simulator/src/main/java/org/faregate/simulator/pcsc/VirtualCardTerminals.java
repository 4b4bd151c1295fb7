package org.faregate.simulator.pcsc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * What {@code TerminalFactory.terminals()} returns. Each instance remembers what it saw at its last
 * {@link #waitForChange(long)}, as javax.smartcardio specifies, so several callers can watch one set.
 */
final class VirtualCardTerminals extends CardTerminals {

    private final VirtualTerminals terminals;
    /** Guarded by this; null until the first waitForChange. */
    private Map<VirtualCardTerminal, TerminalMarks> seen;
    private List<CardTerminal> inserted = List.of();
    private List<CardTerminal> removed = List.of();

    VirtualCardTerminals(VirtualTerminals terminals) {
        this.terminals = Objects.requireNonNull(terminals, "terminals");
    }

    @Override
    public List<CardTerminal> list(State state) {
        Objects.requireNonNull(state, "state");
        return switch (state) {
            case ALL -> filter(terminal -> true);
            case CARD_PRESENT -> filter(VirtualCardTerminal::isCardPresent);
            case CARD_ABSENT -> filter(terminal -> !terminal.isCardPresent());
            case CARD_INSERTION -> insertedAtLastWait();
            case CARD_REMOVAL -> removedAtLastWait();
        };
    }

    /**
     * Returns at once if a card went in or out since the previous call; otherwise (and on the first call)
     * blocks until one does or the timeout passes.
     */
    @Override
    public boolean waitForChange(long timeout) throws CardException {
        ChangeMonitor.requireTimeout(timeout);
        Map<VirtualCardTerminal, TerminalMarks> baseline;
        synchronized (this) {
            baseline = seen != null ? seen : terminals.marks();
        }
        boolean changed = terminals.monitor().await(() -> differs(baseline, terminals.marks()), timeout);
        Map<VirtualCardTerminal, TerminalMarks> now = changed ? terminals.marks() : baseline;
        List<CardTerminal> in = new ArrayList<>();
        List<CardTerminal> out = new ArrayList<>();
        now.forEach((terminal, marks) -> {
            TerminalMarks before = baseline.getOrDefault(terminal, TerminalMarks.NONE);
            if (marks.insertions() > before.insertions()) {
                in.add(terminal);
            }
            if (marks.removals() > before.removals()) {
                out.add(terminal);
            }
        });
        synchronized (this) {
            seen = now;
            inserted = List.copyOf(in);
            removed = List.copyOf(out);
        }
        return changed;
    }

    private static boolean differs(Map<VirtualCardTerminal, TerminalMarks> baseline,
                                   Map<VirtualCardTerminal, TerminalMarks> now) {
        return now.entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(baseline.getOrDefault(e.getKey(), TerminalMarks.NONE)));
    }

    private List<CardTerminal> filter(Predicate<VirtualCardTerminal> wanted) {
        return terminals.terminals().stream().filter(wanted).map(CardTerminal.class::cast).toList();
    }

    private synchronized List<CardTerminal> insertedAtLastWait() {
        return inserted;
    }

    private synchronized List<CardTerminal> removedAtLastWait() {
        return removed;
    }

    @Override
    public String toString() {
        return "VirtualCardTerminals" + terminals.terminalNames();
    }
}
