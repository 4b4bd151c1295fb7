package org.faregate.simulator.pcsc;

/** How many cards have entered and left one terminal so far; waitForChange compares these. */
record TerminalMarks(long insertions, long removals) {

    static final TerminalMarks NONE = new TerminalMarks(0, 0);

    TerminalMarks {
        if (insertions < 0 || removals < 0 || removals > insertions) {
            throw new IllegalArgumentException("impossible marks: " + insertions + " in, " + removals + " out");
        }
    }
}
