package org.faregate.fares.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.faregate.fares.FareCharge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** The calls of {@link DayPricingBenchmark} in throughput mode: rider days priced per second, one thread. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DayThroughputBenchmark {

    @Benchmark
    public List<FareCharge> translinkDay(TransLinkDay state) {
        return state.engine.price(state.day);
    }

    @Benchmark
    public List<FareCharge> distanceDay300(Distance300Days state) {
        return state.engine.price(state.nextDay());
    }
}
