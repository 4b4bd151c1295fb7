package org.faregate.validator.gate;

import java.io.PrintStream;
import java.util.Objects;
import org.faregate.validator.decision.TapDecision;

/** A gate on a terminal: one line per event, e.g. {@code open accepted tap=…} then {@code show "Go ahead"}. */
public final class ConsoleGate implements Gate {

    private final PrintStream out;

    public ConsoleGate(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void open(TapDecision decision) {
        line("open " + decision.reason().code() + " tap=" + decision.tapId());
    }

    @Override
    public void refuse(TapDecision decision) {
        line("refuse " + decision.reason().code() + " tap=" + decision.tapId());
    }

    @Override
    public void show(String text) {
        line("show \"" + text + "\"");
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
