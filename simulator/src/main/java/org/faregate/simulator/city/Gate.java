package org.faregate.simulator.city;

import java.util.Objects;
import org.faregate.validator.Validator;

/** One simulated gate: its validator, the name of its NFC reader's terminal, and its network. */
public record Gate(Validator validator, String terminalName, FlakyLink network) {

    public Gate {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(terminalName, "terminalName");
        Objects.requireNonNull(network, "network");
    }

    public String id() {
        return validator.config().gateId().value();
    }
}
