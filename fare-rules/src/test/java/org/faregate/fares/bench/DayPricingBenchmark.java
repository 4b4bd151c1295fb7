package org.faregate.fares.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareTap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing one rider's day of 6 taps, as the gateway reprices an account's service day: {@code FareEngine.price}
 * of an engine loaded once from its files ({@link TransLinkDay}, {@link Distance300Days}). Sample time, for the
 * percentiles; {@link DayThroughputBenchmark} makes the same calls for ops/s.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DayPricingBenchmark {

    @Benchmark
    public List<FareCharge> translinkDay(TransLinkDay state) {
        return state.engine.price(state.day);
    }

    @Benchmark
    public List<FareCharge> distanceDay300(Distance300Days state) {
        return state.engine.price(state.nextDay());
    }
}
