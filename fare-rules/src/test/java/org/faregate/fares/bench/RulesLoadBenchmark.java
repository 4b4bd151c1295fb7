package org.faregate.fares.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.faregate.fares.engine.EngineResult;
import org.faregate.fares.engine.FareEngineLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the 300-station distance feed from its files' texts (parse, check, build the engine), as the
 * gateway does when an operator uploads rules. One load per iteration; the texts are made before the timer.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 10)
@Measurement(iterations = 30)
@Threads(1)
public class RulesLoadBenchmark {

    @State(Scope.Thread)
    public static class Files300 {
        Map<String, String> files;

        @Setup(Level.Trial)
        public void generate() {
            files = new DistanceNetwork(DistanceNetwork.SEED).files();
            BenchFeeds.load(files);
        }
    }

    @Benchmark
    public EngineResult loadDistance300(Files300 state) {
        return FareEngineLoader.load(state.files);
    }
}
