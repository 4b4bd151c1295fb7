package org.faregate.simulator.city;

import java.util.List;

/** What the simulator saw during its day: every tap it made, the events and faults, and its riders. */
public record SimulationRun(List<org.faregate.simulator.report.SimTap> taps, List<String> events,
                            List<Rider> riders, long topUps) {

    public SimulationRun {
        taps = List.copyOf(taps);
        events = List.copyOf(events);
        riders = List.copyOf(riders);
    }
}
