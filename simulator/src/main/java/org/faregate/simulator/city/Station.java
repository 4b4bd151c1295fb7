package org.faregate.simulator.city;

import java.util.Objects;

/** A station of the simulated city, in one fare zone, with one entry gate and one exit gate. */
public record Station(String id, String name, int zone) {

    public Station {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (zone < 1) {
            throw new IllegalArgumentException("zone must be 1 or more: " + zone);
        }
    }

    public String entryGate() {
        return id + "-IN-1";
    }

    public String exitGate() {
        return id + "-OUT-1";
    }
}
