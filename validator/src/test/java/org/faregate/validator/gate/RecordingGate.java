package org.faregate.validator.gate;

import java.util.ArrayList;
import java.util.List;
import org.faregate.validator.decision.TapDecision;

/** A gate that remembers what it was told, in order, as {@code "open <code>"}, {@code "refuse <code>"}, {@code "show <text>"}. */
final class RecordingGate implements Gate {

    final List<String> events = new ArrayList<>();

    @Override
    public void open(TapDecision decision) {
        events.add("open " + decision.reason().code());
    }

    @Override
    public void refuse(TapDecision decision) {
        events.add("refuse " + decision.reason().code());
    }

    @Override
    public void show(String text) {
        events.add("show " + text);
    }
}
