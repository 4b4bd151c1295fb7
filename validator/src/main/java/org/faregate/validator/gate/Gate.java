package org.faregate.validator.gate;

import java.util.Locale;
import org.faregate.validator.decision.RiderDisplay;
import org.faregate.validator.decision.TapDecision;

/**
 * The turnstile's actuator and rider display. Called only with decisions the validator has already journaled,
 * so a gate never opens for a tap that could be lost.
 */
public interface Gate {

    /** Lets the rider through. */
    void open(TapDecision decision);

    /** Keeps the barrier closed. */
    void refuse(TapDecision decision);

    /** Puts rider-facing text on the display. */
    void show(String text);

    /** Opens on an accepted tap and refuses any other, then shows the reason's text in {@code language}. */
    default void answer(TapDecision decision, Locale language) {
        if (decision.accepted()) {
            open(decision);
        } else {
            refuse(decision);
        }
        show(RiderDisplay.textFor(decision.reason(), language));
    }
}
