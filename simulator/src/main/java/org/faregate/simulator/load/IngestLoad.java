package org.faregate.simulator.load;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.faregate.fares.FareConfig;
import org.faregate.fares.FareConfigException;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.auth.BearerToken;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.simulator.city.CityPlan;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.simulator.city.RiderApp;
import org.faregate.simulator.city.Station;
import org.faregate.simulator.report.KnownTap;
import org.faregate.simulator.report.LedgerCheck;
import org.faregate.simulator.report.Percentiles;
import org.faregate.simulator.report.Verification;
import org.faregate.validator.link.GateIdentity;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.HttpGatewayLink;

/**
 * Measures the gateway's tap ingest: a day of journeys (entry and exit taps of many accounts) is sent by
 * concurrent gate streams in full batches over loopback HTTP to an in-process gateway, which commits,
 * prices and charges every tap. Reports taps per second and the batch acknowledgement latency, then
 * checks the database like the demo does. The gateway and the load share this machine's cores.
 */
public final class IngestLoad {

    /**
     * @param senders concurrent HTTP senders, each carrying some of the city's gate streams
     * @param warmup  taps of the day after the measured one sent, and priced, first: the JIT compiler has
     *                then compiled the hot paths, so the figures are a running gateway's, not a cold start's
     *                (0: measure from cold). Both days lie ahead, so their journeys take the same paths
     *                (in progress until their exits come); a day already over would finalise them at once.
     *                The fares cap by day, so the warm-up day does not change the measured day's prices
     * @param nodes   gateway nodes in one Hazelcast cluster on one database; senders spread over them
     * @param rate    taps per second offered in total (open loop: batch {@code k} is due at {@code k} batch
     *                intervals after the start, and its latency counts from then, so a gateway that falls
     *                behind shows it); 0 sends as fast as the senders can (closed loop); the warm-up too
     * @param pricing each node's pricing threads and the taps its pricer remembers ({@link GatewayConfig.Pricing});
     *                a memory of 0 makes every round read its accounts' days, as when riders' exits come later
     *                than the memory holds
     */
    public record Options(int taps, int accounts, int senders, int batchSize, long seed, int warmup, int nodes,
                          int rate, GatewayConfig.Pricing pricing, DatabaseConfig database) {
        public Options {
            if (taps < 2 || accounts < 1 || senders < 1 || batchSize < 1 || batchSize > TapBatch.MAX_TAPS
                    || warmup < 0 || warmup == 1 || nodes < 1 || nodes > 4 || rate < 0) {
                throw new IllegalArgumentException("taps >= 2, accounts >= 1, senders >= 1, 1 <= batch <= "
                        + TapBatch.MAX_TAPS + ", warmup 0 or >= 2, 1 <= nodes <= 4, rate >= 0");
            }
            Objects.requireNonNull(pricing, "pricing");
        }

        public static Options defaults() {
            return new Options(100_000, 10_000, 8, 500, 2026, 50_000, 1, 0, GatewayConfig.Pricing.defaults(),
                    DatabaseConfig.embedded());
        }
    }

    /**
     * @param nanos       from the first batch sent to the last acknowledged
     * @param pricedNanos from the first batch sent until every acknowledged tap was priced
     */
    public record Result(long taps, long nanos, long pricedNanos, Percentiles ackLatency, List<Window> windows,
                         Verification verification) {
        public Result {
            windows = List.copyOf(windows);
        }

        public long tapsPerSecond() {
            return Math.multiplyExact(taps, 1_000_000_000L) / Math.max(1, nanos);
        }

        /** Taps stored and priced per second, over the whole run including the pricing catch-up. */
        public long pricedTapsPerSecond() {
            return Math.multiplyExact(taps, 1_000_000_000L) / Math.max(1, pricedNanos);
        }
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalTime CUTOVER = LocalTime.of(4, 0);
    private static final int LOAD_ADDRESS_RATE = 1_000_000;

    private IngestLoad() {
    }

    public static Result run(Options options, PrintStream out) throws IOException {
        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        CityPlan city = CityPlan.generate(options.seed(), 10, 1, day, ZONE);
        String adminToken = BearerToken.generate(BearerToken.Kind.OPERATOR, new SecureRandom()).reveal();
        // Every gate and every rider app of the load comes from this one address: the per-address limit (2,000
        // requests/s by default) would refuse opening 100,000 accounts as fast as the gateway can.
        GatewayConfig config = GatewayConfig.embedded().withDatabase(options.database()).withAdminToken(adminToken)
                .withServiceDay(ZONE, CUTOVER).withFares(Currency.getInstance(city.currency()), city.fareConfig())
                .withRateLimit(new GatewayConfig.RateLimit(LOAD_ADDRESS_RATE, LOAD_ADDRESS_RATE))
                .withPricing(options.pricing());
        List<Gateway> nodes = new ArrayList<>();
        try {
            Gateway gateway = Gateway.start(config);
            nodes.add(gateway);
            for (int n = 1; n < options.nodes(); n++) {
                nodes.add(Gateway.start(config.withCluster(config.cluster().withMembers(List.of(gateway.clusterAddress())))));
            }
            out.printf("gateway  %d node(s) %s (%s)%n", nodes.size(), nodes.stream().map(Gateway::baseUri).toList(),
                    options.database().isH2() ? "embedded H2" : "PostgreSQL");
            List<AccountId> accounts = openAccounts(new RiderApp(gateway.baseUri()), options, city.currency());
            OperatorConsole operator = new OperatorConsole(gateway.baseUri(), adminToken);
            List<List<TapRecord>> warmup = options.warmup() == 0 ? List.of()
                    : JourneyStreams.generate(city, day.plusDays(1), accounts, options.warmup(), options.seed() + 1);
            List<List<TapRecord>> streams = JourneyStreams.generate(city, day, accounts, options.taps(), options.seed());
            Map<GateId, GateIdentity> gates = installGates(operator, Stream.concat(warmup.stream(), streams.stream()).toList());
            List<URI> uris = nodes.stream().map(Gateway::baseUri).toList();
            if (!warmup.isEmpty()) {
                long warming = System.nanoTime();
                send(uris, gates, warmup, options);
                operator.awaitPriced(Duration.ofMinutes(30));
                long warmed = System.nanoTime() - warming;
                Duration compiling = awaitCompilerQuiet(Duration.ofSeconds(60));
                out.printf("warmup   %,d taps of the next day sent and priced in %,d ms, then %,d ms until the JIT"
                        + " compiler was quiet (not measured)%n", options.warmup(), warmed / 1_000_000,
                        compiling.toMillis());
            }
            out.printf("load     %,d taps of %,d accounts in %d gate streams, batches of %d, %d senders, %s%n",
                    options.taps(), accounts.size(), streams.size(), options.batchSize(), options.senders(),
                    options.rate() == 0 ? "as fast as acknowledged" : "offered at " + options.rate() + " taps/s");
            CpuMeter.Reading before = CpuMeter.read();
            long started = System.nanoTime();
            List<Ack> acks = send(uris, gates, streams, options);
            long nanos = System.nanoTime() - started;
            operator.awaitPriced(Duration.ofMinutes(30));
            long pricedNanos = System.nanoTime() - started;
            out.println("cpu      " + CpuMeter.between(before, CpuMeter.read()).describe());
            Verification verification;
            try (Connection db = gateway.dataSource().getConnection()) {
                verification = new LedgerCheck(FareConfig.parse(city.fareConfig()), ZONE, CUTOVER)
                        .verify(db, known(warmup, streams), Instant.now());
            } catch (SQLException e) {
                throw new IOException("cannot read the gateway's database: " + e.getMessage(), e);
            } catch (FareConfigException e) {
                throw new IllegalStateException("the city's own fare rules do not parse", e);
            }
            return new Result(options.taps(), nanos, pricedNanos,
                    new Percentiles(acks.stream().mapToLong(Ack::latencyNanos).toArray()), Window.of(acks), verification);
        } finally {
            for (int n = nodes.size() - 1; n >= 0; n--) {
                nodes.get(n).close();
            }
        }
    }

    /**
     * Waits until the JIT compiler spends under a tenth of its time compiling (or {@code limit} passed):
     * on two busy cores the compiler lags the warm-up, and compiling during the measured run would be
     * counted against the gateway. Returns how long it waited.
     */
    private static Duration awaitCompilerQuiet(Duration limit) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return Duration.ZERO;
        }
        long interval = 500;
        long before = compiler.getTotalCompilationTime();
        while (System.nanoTime() - started < limit.toNanos()) {
            LockSupport.parkNanos(Duration.ofMillis(interval).toNanos());
            long after = compiler.getTotalCompilationTime();
            if (after - before < interval / 10) {
                break;
            }
            before = after;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static List<AccountId> openAccounts(RiderApp app, Options options, String currency) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.senders());
        try {
            List<Future<AccountId>> opened = new ArrayList<>();
            for (int i = 0; i < options.accounts(); i++) {
                int index = i;
                opened.add(pool.submit(() -> {
                    AccountId id = app.open("adult").accountId();
                    app.topUp(id, 1_000_000, currency, "load-" + index);
                    return id;
                }));
            }
            List<AccountId> accounts = new ArrayList<>();
            for (Future<AccountId> account : opened) {
                accounts.add(account.get());
            }
            return accounts;
        } catch (Exception e) {
            throw new IOException("cannot open the load's accounts: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every stream's gate gets a key pair, registered with the gateway as an installer would. */
    private static Map<GateId, GateIdentity> installGates(OperatorConsole operator, List<List<TapRecord>> streams)
            throws IOException {
        SecureRandom random = new SecureRandom();
        Map<GateId, GateIdentity> gates = new HashMap<>();
        for (List<TapRecord> stream : streams) {
            if (!stream.isEmpty() && !gates.containsKey(stream.get(0).gateId())) {
                GateIdentity gate = new GateIdentity(stream.get(0).gateId(), SigningKey.generate(random));
                operator.registerGate(gate);
                gates.put(gate.gateId(), gate);
            }
        }
        return gates;
    }

    /** One batch acknowledged: when it was due (from the start of the run), how long it waited, its taps. */
    record Ack(long dueNanos, long latencyNanos, int taps) {
    }

    /**
     * The batches due in one stretch of the run (about {@link #SECONDS} long, by due time; the last stretch
     * takes a remainder shorter than half of that) and their acknowledgement latency: shows whether a run
     * holds its pace to the end or falls behind as it goes.
     */
    public record Window(int fromSecond, int toSecond, long taps, Percentiles ackLatency) {

        static final int SECONDS = 30;

        static List<Window> of(List<Ack> acks) {
            long lastDue = acks.stream().mapToLong(Ack::dueNanos).max().orElse(0) / 1_000_000_000L;
            int count = (int) Math.max(1, Math.round(lastDue / (double) SECONDS));
            Map<Integer, List<Ack>> byWindow = new TreeMap<>();
            for (Ack ack : acks) {
                int index = (int) Math.min(count - 1, ack.dueNanos() / 1_000_000_000L / SECONDS);
                byWindow.computeIfAbsent(index, key -> new ArrayList<>()).add(ack);
            }
            List<Window> windows = new ArrayList<>();
            byWindow.forEach((index, inWindow) -> windows.add(new Window(index * SECONDS,
                    index == count - 1 ? (int) lastDue + 1 : (index + 1) * SECONDS,
                    inWindow.stream().mapToLong(Ack::taps).sum(),
                    new Percentiles(inWindow.stream().mapToLong(Ack::latencyNanos).toArray()))));
            return windows;
        }
    }

    /** Each sender sends its streams' batches in order, to its node (senders spread over the nodes); returns every batch's acknowledgement. */
    private static List<Ack> send(List<URI> nodes, Map<GateId, GateIdentity> gates, List<List<TapRecord>> streams,
                               Options options) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.senders());
        Schedule schedule = new Schedule(System.nanoTime(), options.rate() == 0 ? 0
                : Math.max(1, 1_000_000_000L * options.batchSize() / options.rate()));
        try {
            List<Future<List<Ack>>> senders = new ArrayList<>();
            for (int s = 0; s < options.senders(); s++) {
                List<List<TapRecord>> mine = new ArrayList<>();
                for (int g = s; g < streams.size(); g += options.senders()) {
                    mine.add(streams.get(g));
                }
                URI node = nodes.get(s % nodes.size());
                senders.add(pool.submit(() -> sendAll(node, gates, mine, options.batchSize(), schedule)));
            }
            List<Ack> all = new ArrayList<>();
            for (Future<List<Ack>> sender : senders) {
                all.addAll(sender.get());
            }
            return all;
        } catch (Exception e) {
            throw new IOException("load failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** When each batch is due: batch {@code k} (in the order senders take them) {@code k * intervalNanos} after start. */
    private record Schedule(long startNanos, long intervalNanos, AtomicLong taken) {
        Schedule(long startNanos, long intervalNanos) {
            this(startNanos, intervalNanos, new AtomicLong());
        }

        /** Waits for the next batch's due time and returns it; closed loop (interval 0): now. */
        long awaitNext() {
            if (intervalNanos == 0) {
                return System.nanoTime();
            }
            long due = startNanos + taken.getAndIncrement() * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            return due;
        }
    }

    private static List<Ack> sendAll(URI gateway, Map<GateId, GateIdentity> gates, List<List<TapRecord>> streams,
                                      int batchSize, Schedule schedule) throws GatewayException {
        Map<GateId, HttpGatewayLink> links = new HashMap<>();
        List<Ack> acks = new ArrayList<>();
        int longest = streams.stream().mapToInt(List::size).max().orElse(0);
        for (int from = 0; from < longest; from += batchSize) {
            for (List<TapRecord> stream : streams) {
                if (from >= stream.size()) {
                    continue;
                }
                List<TapRecord> taps = stream.subList(from, Math.min(stream.size(), from + batchSize));
                long started = schedule.awaitNext();
                GateId gate = taps.get(0).gateId();
                HttpGatewayLink link = links.computeIfAbsent(gate, id -> new HttpGatewayLink(gateway, gates.get(id)));
                TapBatchAck ack = link.sendTaps(new TapBatch(gate, taps));
                acks.add(new Ack(started - schedule.startNanos(), System.nanoTime() - started, taps.size()));
                if (ack.committed().size() != taps.size()) {
                    throw new IllegalStateException("gateway committed " + ack.committed().size() + " of "
                            + taps.size() + " taps");
                }
            }
        }
        return acks;
    }

    private static List<KnownTap> known(List<List<TapRecord>> warmup, List<List<TapRecord>> streams) {
        return Stream.concat(warmup.stream(), streams.stream()).flatMap(List::stream).map(tap -> new KnownTap(tap.tapId(), tap.accountId(), "adult",
                tap.stationId().value(), tap.direction(), tap.at(), tap.reason())).toList();
    }

    /** A day of journeys, as the city's entry and exit gates would report them, one stream per gate. */
    static final class JourneyStreams {

        private JourneyStreams() {
        }

        static List<List<TapRecord>> generate(CityPlan city, LocalDate day, List<AccountId> accounts, int taps,
                                              long seed) {
            Random random = new Random(seed);
            SecureRandom ids = new SecureRandom();
            List<Station> stations = city.stations();
            List<List<TapRecord>> streams = new ArrayList<>();
            for (int i = 0; i < stations.size() * 2; i++) {
                streams.add(new ArrayList<>());
            }
            Instant opening = day.atTime(6, 0).atZone(city.zone()).toInstant();
            // Each account rides its share of the journeys one after another through a 16-hour day, as a
            // rider does (journeys never overlap): slot j of n holds journey j, 5 to 50 minutes long.
            int journeys = taps / 2;
            int perAccount = (journeys + accounts.size() - 1) / accounts.size();
            long slotSeconds = 16 * 3600L / perAccount;
            for (int journey = 0; journey < journeys; journey++) {
                int a = journey % accounts.size();
                int slot = journey / accounts.size();
                CredentialId credential = CredentialId.random(ids);
                int origin = random.nextInt(stations.size());
                int destination = (origin + 1 + random.nextInt(stations.size() - 1)) % stations.size();
                Duration ride = Duration.ofMinutes(5 + random.nextInt(45));
                long latestStart = Math.max(1, slotSeconds - ride.toSeconds());
                Instant entry = opening.plusSeconds(slot * slotSeconds + random.nextLong(latestStart));
                Instant exit = entry.plus(ride);
                streams.get(origin * 2).add(tap(ids, stations.get(origin), Direction.ENTRY, entry, credential,
                        accounts.get(a)));
                streams.get(destination * 2 + 1).add(tap(ids, stations.get(destination), Direction.EXIT, exit,
                        credential, accounts.get(a)));
            }
            streams.forEach(stream -> stream.sort((x, y) -> x.at().compareTo(y.at())));
            return streams;
        }

        private static TapRecord tap(SecureRandom ids, Station station, Direction direction, Instant at,
                                     CredentialId credential, AccountId account) {
            String gate = station.id() + (direction == Direction.ENTRY ? "-IN-1" : "-OUT-1");
            return new TapRecord(TapId.timeOrdered(at, ids), GateId.of(gate), StationId.of(station.id()), direction, at, "nfc",
                    credential, account, Reason.ACCEPTED);
        }
    }
}
