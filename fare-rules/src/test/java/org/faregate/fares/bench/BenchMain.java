package org.faregate.fares.bench;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the fare pricing benchmarks: {@code BenchMain [results.json [benchmark regexp]]}. Results go to
 * {@code fare-rules/target/jmh-fares.json} by default; the regexp (default: every benchmark in this package)
 * picks some of them, e.g. {@code 'translinkDay'}. Settings are the annotations' (see docs/performance.md).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        String resultFile = args.length > 0 ? args[0] : "fare-rules/target/jmh-fares.json";
        String include = args.length > 1 ? args[1] : BenchMain.class.getPackageName() + ".*";
        Options options = new OptionsBuilder()
                .include(include)
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile)
                .build();
        new Runner(options).run();
    }
}
