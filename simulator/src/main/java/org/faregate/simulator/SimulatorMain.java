package org.faregate.simulator;

import java.io.IOException;
import java.nio.file.Path;
import org.faregate.gateway.sql.DatabaseConfig;

/** The simulator's command line: {@code demo [--riders N] [--stations N] [--seed N] [--out DIR]}. */
public final class SimulatorMain {

    private static final String USAGE = """
            usage: faregate-simulator demo [--riders N] [--stations N] [--seed N] [--out DIR]
                                           [--jdbc-url URL --jdbc-user USER --jdbc-password PASSWORD]
              Plays a city's compressed day against an in-process gateway over loopback HTTP, checks the
              gateway's database against the simulator's record, writes DIR/report.html (default
              faregate-data/demo) and ends with a summary line. Exit code 0 when everything agrees.
              The gateway's database is embedded H2 unless a JDBC URL (e.g. PostgreSQL) is given.""";

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
        if (args.length == 0 || !args[0].equals("demo")) {
            throw new IllegalArgumentException("unknown command" + (args.length == 0 ? "" : ": " + args[0]));
        }
        Demo.Options defaults = Demo.Options.defaults();
        int riders = defaults.riders();
        int stations = defaults.stations();
        long seed = defaults.seed();
        Path out = defaults.out();
        DatabaseConfig database = defaults.database();
        String jdbcUser = "";
        String jdbcPassword = "";
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--riders" -> riders = positive(args[i], value);
                case "--stations" -> stations = positive(args[i], value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--jdbc-url" -> database = new DatabaseConfig(value, "", "", 8);
                case "--jdbc-user" -> jdbcUser = value;
                case "--jdbc-password" -> jdbcPassword = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!database.isH2()) {
            database = new DatabaseConfig(database.jdbcUrl(), jdbcUser, jdbcPassword, database.poolSize());
        }
        Demo.Options options = new Demo.Options(stations, riders, seed, out, defaults.zone(), database);
        Demo.Result result = Demo.run(options, System.out);
        return result.verification().allGood() ? 0 : 1;
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new IllegalArgumentException(option + " must be at least 1: " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value, e);
        }
    }
}
