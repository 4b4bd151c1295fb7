package org.faregate.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.simulator.load.IngestLoad;
import org.faregate.simulator.report.Verification;

/** The simulator's command line: the demo city, and the ingest load measurement. */
public final class SimulatorMain {

    private static final String USAGE = """
            usage: faregate-simulator demo [--riders N] [--stations N] [--seed N] [--out DIR] [DATABASE]
                   faregate-simulator ingest-load [--taps N] [--accounts N] [--senders N] [--batch N] [--warmup N]
                                                 [--nodes N] [--rate N] [--pricing-memory N]
                                                 [--pricing-threads N] [DATABASE]
              demo         plays a city's compressed day against an in-process gateway over loopback HTTP,
                           checks the gateway's database against the simulator's record, writes
                           DIR/report.html (default faregate-data/demo) and ends with a summary line.
              ingest-load  sends a day of journeys in full batches from concurrent gate streams and reports
                           taps per second and batch acknowledgement latency, then checks the ledger.
                           --warmup: taps of the next day, sent and priced first, not measured
                           (default 50000; 0 measures a cold gateway). --nodes: gateway nodes in one
                           cluster (1..4). --rate: taps per second offered (open loop); 0 or absent
                           sends as fast as acknowledged. --pricing-memory: taps each node's pricer
                           remembers (default an eighth of the heap; 0 reads every account's days).
                           --pricing-threads: each node's pricing threads (default 2).
              DATABASE     --jdbc-url URL [--jdbc-user USER] [--jdbc-password PASSWORD]; default embedded H2.
              Exit code 0 when the gateway's database agrees with the simulator, 1 when not, 2 for usage.""";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            status = 2;
        } catch (IOException e) {
            System.err.println("simulation failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        Map<String, String> options = options(args);
        DatabaseConfig database = database(options);
        Verification verification;
        switch (args[0]) {
            case "demo" -> {
                allow(options, "--riders", "--stations", "--seed", "--out");
                Demo.Options defaults = Demo.Options.defaults();
                Demo.Options demo = new Demo.Options(number(options, "--stations", defaults.stations()),
                        number(options, "--riders", defaults.riders()),
                        number(options, "--seed", (int) defaults.seed()),
                        Path.of(options.getOrDefault("--out", defaults.out().toString())), defaults.zone(), database);
                verification = Demo.run(demo, System.out).verification();
            }
            case "ingest-load" -> {
                allow(options, "--taps", "--accounts", "--senders", "--batch", "--warmup", "--nodes", "--rate",
                        "--pricing-memory", "--pricing-threads");
                IngestLoad.Options defaults = IngestLoad.Options.defaults();
                IngestLoad.Result result = IngestLoad.run(new IngestLoad.Options(
                        number(options, "--taps", defaults.taps()), number(options, "--accounts", defaults.accounts()),
                        number(options, "--senders", defaults.senders()), number(options, "--batch", defaults.batchSize()),
                        defaults.seed(), count(options, "--warmup", defaults.warmup()),
                        number(options, "--nodes", defaults.nodes()), count(options, "--rate", defaults.rate()),
                        new GatewayConfig.Pricing(number(options, "--pricing-threads", defaults.pricing().threads()),
                                count(options, "--pricing-memory", defaults.pricing().memoryTaps())), database),
                        System.out);
                verification = result.verification();
                verification.problems().forEach(problem -> System.out.println("PROBLEM  " + problem));
                System.out.printf("ingest   %,d taps in %,d ms = %,d taps/s; batch ack %s%n", result.taps(),
                        result.nanos() / 1_000_000, result.tapsPerSecond(), result.ackLatency().medianAndP99());
                result.windows().forEach(window -> System.out.printf("window   %3d-%3d s: %,d taps, batch ack %s%n",
                        window.fromSecond(), window.toSecond(), window.taps(), window.ackLatency().medianAndP99()));
                System.out.printf("priced   all %,d taps priced %,d ms after the first batch = %,d taps/s stored and priced%n",
                        result.taps(), result.pricedNanos() / 1_000_000, result.pricedTapsPerSecond());
                System.out.println(Demo.summary(verification));
            }
            default -> throw new IllegalArgumentException("unknown command: " + args[0]);
        }
        return verification.allGood() ? 0 : 1;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static void allow(Map<String, String> options, String... names) {
        Set<String> allowed = new java.util.HashSet<>(Set.of(names));
        allowed.addAll(Set.of("--jdbc-url", "--jdbc-user", "--jdbc-password"));
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
    }

    private static DatabaseConfig database(Map<String, String> options) {
        String url = options.get("--jdbc-url");
        return url == null ? DatabaseConfig.embedded() : new DatabaseConfig(url,
                options.getOrDefault("--jdbc-user", ""), options.getOrDefault("--jdbc-password", ""), 8);
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        return whole(options, name, fallback, 1);
    }

    /** A number that may be 0. */
    private static int count(Map<String, String> options, String name, int fallback) {
        return whole(options, name, fallback, 0);
    }

    private static int whole(Map<String, String> options, String name, int fallback, int least) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < least) {
                throw new IllegalArgumentException(name + " must be at least " + least + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number: " + value, e);
        }
    }
}
