package org.faregate.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.faregate.fares.FareRules;
import org.faregate.fares.Money;
import org.faregate.fares.engine.EngineResult;
import org.faregate.fares.engine.FareEngineLoader;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.auth.BearerToken;
import org.faregate.gateway.admin.AdminRoutes;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.simulator.city.CityPlan;
import org.faregate.simulator.city.CitySimulation;
import org.faregate.simulator.city.Media;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.city.SimClock;
import org.faregate.simulator.city.SimulationRun;
import org.faregate.simulator.report.HtmlReport;
import org.faregate.simulator.report.KnownTap;
import org.faregate.simulator.report.LedgerCheck;
import org.faregate.simulator.report.Percentiles;
import org.faregate.simulator.report.SimTap;
import org.faregate.simulator.report.Verification;

/**
 * The demo: a gateway on embedded defaults, a city of gates and riders playing one compressed day against
 * it over loopback HTTP, then the gateway's database checked against the simulator's own record.
 */
public final class Demo {

    /** Options of one run; the defaults are the README's demo (embedded H2 as the gateway's database). */
    public record Options(int stations, int riders, long seed, Path out, ZoneId zone, DatabaseConfig database) {
        public static Options defaults() {
            return new Options(10, 1_000, 2026, Path.of("faregate-data", "demo"), ZoneId.of("Asia/Shanghai"),
                    DatabaseConfig.embedded());
        }

        public Options withDatabase(DatabaseConfig value) {
            return new Options(stations, riders, seed, out, zone, value);
        }
    }

    /** The summary line, the verification behind it and where the report is. */
    public record Result(String summary, Verification verification, SimulationRun run, Path report) {
    }

    private static final LocalTime CUTOVER = LocalTime.of(4, 0);
    private static final WireJson JSON = new WireJson();

    private Demo() {
    }

    public static Result run(Options options, PrintStream out) throws IOException {
        long started = System.nanoTime();
        deleteTree(options.out());
        Files.createDirectories(options.out());
        LocalDate day = LocalDate.now(options.zone()).plusDays(1);
        CityPlan plan = CityPlan.generate(options.seed(), options.stations(), options.riders(), day, options.zone());
        FareRules rules = engine(plan.fareFeed());
        // The demo is its own operator: it passes the bootstrap admin's token to the gateway it starts.
        String adminToken = BearerToken.generate(BearerToken.Kind.OPERATOR, new SecureRandom()).reveal();
        GatewayConfig config = GatewayConfig.embedded().withAdminToken(adminToken)
                .withDatabase(options.database())
                .withServiceDay(options.zone(), CUTOVER)
                .withFares(Currency.getInstance(plan.currency()), plan.fareConfig());
        // One clock for the whole simulated world: the gateway, the gates and the riders' phones.
        SimClock clock = new SimClock(CitySimulation.startOf(plan));
        try (Gateway gateway = Gateway.start(config, clock)) {
            out.printf("gateway  %s (%s, one Hazelcast member)%n", gateway.baseUri(),
                    options.database().isH2() ? "embedded H2" : "PostgreSQL");
            AdminRoutes.FareRulesVersion fares = readJson(new OperatorConsole(gateway.baseUri(), adminToken)
                    .publishFares(plan.fareFeed(), Instant.EPOCH), AdminRoutes.FareRulesVersion.class);
            out.printf("fares    the city's GTFS-Fares v2 feed (%d files) is fare rules version %d (%s)%n",
                    plan.fareFeed().size(), fares.version(), fares.format());
            out.printf("city     %d stations, %d gates, %d riders, day %s%n", plan.stations().size(),
                    plan.stations().size() * 2, plan.riders().size(), day);
            SimulationRun run = new CitySimulation(plan, gateway.baseUri(), adminToken, options.out(),
                    new SecureRandom(), clock).run(out);
            Duration pricing = new OperatorConsole(gateway.baseUri(), adminToken).awaitPriced(Duration.ofMinutes(5));
            out.printf("pricing  every acknowledged tap priced %d ms after the last sync%n", pricing.toMillis());
            Verification verification;
            try (Connection db = gateway.dataSource().getConnection()) {
                verification = new LedgerCheck(rules, options.zone(), CUTOVER).verify(db, known(run), clock.instant());
            } catch (SQLException e) {
                throw new IOException("cannot read the gateway's database: " + e.getMessage(), e);
            }
            String summary = summary(verification);
            Map<String, String> figures = figures(plan, run, verification, System.nanoTime() - started);
            Path report = options.out().resolve("report.html");
            HtmlReport.write(report, summary, run.taps(), verification, run.events(), figures, options.zone());
            run.events().forEach(event -> out.println("event    " + event));
            figures.forEach((name, value) -> out.printf("figure   %s: %s%n", name, value));
            verification.problems().forEach(problem -> out.println("PROBLEM  " + problem));
            out.println("report   " + report.toAbsolutePath());
            out.println(summary);
            return new Result(summary, verification, run, report);
        }
    }

    /** The simulator's record of its taps, with each rider's account and category. */
    static List<KnownTap> known(SimulationRun run) {
        Map<Integer, Rider> riders = new HashMap<>();
        run.riders().forEach(rider -> riders.put(rider.plan().index(), rider));
        return run.taps().stream().map(tap -> {
            Rider rider = riders.get(tap.rider());
            return new KnownTap(tap.tapId(), rider == null ? null : rider.account(),
                    rider == null ? null : rider.credential().category().id(), tap.stationId(), tap.direction(),
                    tap.at(), tap.reason());
        }).toList();
    }

    static String summary(Verification v) {
        return "taps=" + v.taps() + " accepted=" + v.accepted() + " denied=" + v.denied()
                + " charged=" + Money.of(v.chargedMinor(), v.currency()).toDecimalString() + v.currency()
                + " lost=" + v.lost() + " double_charged=" + v.doubleCharged()
                + " ledger_balanced=" + v.ledgerBalanced();
    }

    private static Map<String, String> figures(CityPlan plan, SimulationRun run, Verification verification,
                                               long wallNanos) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("riders", Integer.toString(plan.riders().size()));
        figures.put("gates", Integer.toString(plan.stations().size() * 2));
        figures.put("riders refused as denied at least once", Long.toString(run.taps().stream()
                .filter(t -> t.reason().code().equals("denied_token")).mapToInt(SimTap::rider).distinct().count()));
        figures.put("top-ups after a refusal", Long.toString(run.topUps()));
        figures.put("decision time, QR camera frame (decode+verify+fsync)", latency(run.taps(), Media.PHONE_QR));
        figures.put("decision time, NFC phone (APDUs+verify+fsync)", latency(run.taps(), Media.PHONE_NFC));
        figures.put("decision time, NFC card (APDUs+verify+fsync)", latency(run.taps(), Media.CARD));
        figures.put("ingest seen (taps delivered / time in delivering syncs)", run.deliveringNanos() == 0 ? "n/a"
                : String.format("%,d taps in %.2f s = %,.0f taps/s", run.deliveredTaps(),
                        run.deliveringNanos() / 1e9, run.deliveredTaps() / (run.deliveringNanos() / 1e9)));
        figures.put("mischarged taps", Long.toString(verification.mischarged()));
        figures.put("wall time", String.format("%.1f s", wallNanos / 1e9));
        return figures;
    }

    /** Median and 99th percentile of the gate's decision time for one kind of media. */
    static String latency(List<SimTap> taps, Media media) {
        return new Percentiles(taps.stream().filter(t -> t.media() == media && t.rider() >= 0)
                .mapToLong(SimTap::decisionNanos).toArray()).medianAndP99();
    }

    private static <T> T readJson(String json, Class<T> type) throws IOException {
        try {
            return JSON.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
        } catch (WireFormatException e) {
            throw new IOException("unexpected answer from the gateway: " + e.getMessage(), e);
        }
    }

    /** The city's feed through the same engine the gateway prices with, for pricing the simulator's own record. */
    private static FareRules engine(Map<String, String> feed) {
        EngineResult result = FareEngineLoader.load(feed);
        return result.engine().orElseThrow(() -> new IllegalStateException(
                "the simulated city's own fare feed does not load: " + result.notices()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
