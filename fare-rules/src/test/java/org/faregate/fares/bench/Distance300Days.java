package org.faregate.fares.bench;

import java.util.List;
import org.faregate.fares.FareTap;
import org.faregate.fares.engine.FareEngine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The 300-station distance network ({@link DistanceNetwork}) loaded once from its files, and {@value #DAYS}
 * different rider days, priced in turn so that no single path stays hot. Setup fails when the feed has an
 * error or any day costs nothing.
 */
@State(Scope.Thread)
public class Distance300Days {

    static final int DAYS = 1000;
    private static final long DAYS_SEED = 6L;

    FareEngine engine;
    List<List<FareTap>> days;
    int next;

    @Setup(Level.Trial)
    public void load() {
        engine = BenchFeeds.load(new DistanceNetwork(DistanceNetwork.SEED).files());
        days = DistanceNetwork.days(DAYS, DAYS_SEED);
        for (List<FareTap> day : days) {
            if (BenchFeeds.total(engine, day) <= 0) {
                throw new IllegalStateException("a day priced at zero: " + engine.price(day));
            }
        }
    }

    List<FareTap> nextDay() {
        List<FareTap> day = days.get(next);
        next = next + 1 == days.size() ? 0 : next + 1;
        return day;
    }
}
