package org.faregate.fares.bench;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.faregate.fares.FareTap;
import org.faregate.fares.TapEvent;
import org.faregate.fares.engine.FareEngine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The TransLink feed loaded once, and TransLinkDayTest's weekday: a bus, SkyTrain with a transfer from the
 * bus (the upgrade only), SkyTrain at full fare, a bus on that fare's transfer. 9.30 CAD, checked in setup.
 */
@State(Scope.Thread)
public class TransLinkDay {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    FareEngine engine;
    List<FareTap> day;

    @Setup(Level.Trial)
    public void load() {
        engine = BenchFeeds.load(BenchFeeds.translink());
        day = List.of(
                bus("t1", "2025-01-15T10:00", "bus_stop_a"),
                station("t2", "2025-01-15T10:30", "commercial", TapEvent.ENTRY),
                station("t3", "2025-01-15T10:50", "bridgeport", TapEvent.EXIT),
                station("t4", "2025-01-15T12:00", "bridgeport", TapEvent.ENTRY),
                station("t5", "2025-01-15T12:25", "surrey_central", TapEvent.EXIT),
                bus("t6", "2025-01-15T12:40", "bus_stop_b"));
        long total = BenchFeeds.total(engine, day);
        if (total != 930) {
            throw new IllegalStateException("the TransLink day should cost 9.30 CAD (as in TransLinkDayTest), got "
                    + total + " cents: " + engine.price(day));
        }
    }

    private static FareTap bus(String id, String time, String stop) {
        return new FareTap(id, LocalDateTime.parse(time).atZone(VANCOUVER).toInstant(), stop, TapEvent.BOARD,
                "adult", Optional.of("bus_3"), Optional.of("contactless"));
    }

    private static FareTap station(String id, String time, String stop, TapEvent event) {
        return new FareTap(id, LocalDateTime.parse(time).atZone(VANCOUVER).toInstant(), stop, event, "adult",
                Optional.empty(), Optional.of("contactless"));
    }
}
