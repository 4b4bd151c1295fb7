package org.faregate.simulator.city;

import java.util.List;
import org.faregate.simulator.report.SimTap;

/**
 * What the simulator saw during its day: every tap it made, the events and faults, its riders, and the
 * taps its gates delivered with the time those deliveries took (sync round trips, one gate at a time).
 */
public record SimulationRun(List<SimTap> taps, List<String> events, List<Rider> riders, long topUps,
                            long deliveredTaps, long deliveringNanos) {

    public SimulationRun {
        taps = List.copyOf(taps);
        events = List.copyOf(events);
        riders = List.copyOf(riders);
    }
}
