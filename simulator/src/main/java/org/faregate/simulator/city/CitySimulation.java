package org.faregate.simulator.city;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.Accounts;
import org.faregate.simulator.pcsc.VirtualTerminals;
import org.faregate.simulator.report.ProgressBar;
import org.faregate.simulator.report.SimTap;
import org.faregate.validator.Validator;
import org.faregate.validator.ValidatorConfig;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.link.GateIdentity;
import org.faregate.validator.link.HttpGatewayLink;

/**
 * Plays a city's day against a running gateway: every station has an entry gate and an exit gate (real
 * validators, each with its own journal, talking HTTP to the gateway); riders follow their plans with
 * phones and cards; gates sync every few simulated minutes; faults are injected on a schedule
 * ({@link FaultSchedule}). Single-threaded and driven by a simulated clock, so a seed replays the same day.
 */
public final class CitySimulation {

    static final Duration SYNC_EVERY = Duration.ofMinutes(5);
    static final Duration RETRY_AFTER_TOP_UP = Duration.ofMinutes(12);
    static final long TOP_UP_MINOR = 2_000;
    static final int MAX_ATTEMPTS = 3;
    static final int CAMERA_FRAMES = 3;
    static final Duration RETRY_UNREAD = Duration.ofSeconds(20);

    private final CityPlan plan;
    private final URI gateway;
    private final Path dataDir;
    private final SecureRandom random;
    private final SimClock clock;
    private final RiderApp app;
    private final OperatorConsole operator;
    private final VirtualTerminals terminals = new VirtualTerminals();
    private final CardTerminals cardTerminals;
    private final Map<String, Gate> entryGates = new LinkedHashMap<>();
    private final Map<String, Gate> exitGates = new LinkedHashMap<>();
    private final List<Rider> riders = new ArrayList<>();
    private final List<SimTap> taps = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long sequence;
    private long topUps;
    private long deliveredTaps;
    private long deliveringNanos;
    private long unreadFrames;

    private record Event(Instant at, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /**
     * A city on {@code clock}, which should start at {@link #startOf(CityPlan)} and which the gateway should
     * read too: gates compare their clock with the gateway's and sign their batches with it.
     */
    public CitySimulation(CityPlan plan, URI gateway, String adminToken, Path dataDir, SecureRandom random,
                          SimClock clock) {
        this.plan = plan;
        this.gateway = gateway;
        this.dataDir = dataDir;
        this.random = random;
        this.clock = clock;
        this.app = new RiderApp(gateway);
        this.operator = new OperatorConsole(gateway, adminToken);
        this.cardTerminals = terminals.terminalFactory().terminals();
    }

    public SimClock clock() {
        return clock;
    }

    /** Opens the gates, signs the riders up (accounts, top-ups, credentials) and plays the day. */
    public SimulationRun run(PrintStream progress) throws IOException {
        openGates();
        ProgressBar signUp = new ProgressBar(progress, "riders ");
        for (RiderPlan riderPlan : plan.riders()) {
            riders.add(signUp(riderPlan));
            signUp.show(riders.size(), plan.riders().size(), riders.size() + " signed up");
        }
        signUp.finish();
        syncAll();
        for (Rider rider : riders) {
            for (Trip trip : rider.plan().trips()) {
                schedule(trip.departAt(), () -> enter(rider, trip, 1));
            }
        }
        Instant end = plan.day().plusDays(1).atStartOfDay(plan.zone()).toInstant();
        for (Instant at = start(); at.isBefore(end); at = at.plus(SYNC_EVERY)) {
            schedule(at, this::syncAll);
        }
        new FaultSchedule(this).scheduleAll();
        ProgressBar day = new ProgressBar(progress, "the day");
        long total = Duration.between(start(), end).toSeconds();
        while (!queue.isEmpty()) {
            Event event = queue.poll();
            clock.advanceTo(event.at());
            event.action().run();
            long done = Duration.between(start(), clock.instant()).toSeconds();
            day.show(done, total, String.format("%s  taps=%d", clock.instant().atZone(plan.zone()).toLocalTime()
                    .withSecond(0), taps.size()));
        }
        day.finish();
        catchUp();
        events.add("Camera frames the gates could not read (the rider's phone drew a fresh code): " + unreadFrames);
        for (Gate gate : gates()) {
            gate.validator().close();
        }
        return new SimulationRun(List.copyOf(taps), List.copyOf(events), List.copyOf(riders), topUps, deliveredTaps,
                deliveringNanos);
    }

    // --- the day's moves -------------------------------------------------------------------------

    private void enter(Rider rider, Trip trip, int attempt) {
        Optional<TapDecision> decision = present(rider, entryGates.get(trip.origin().id()));
        if (decision.isEmpty()) {
            schedule(clock.instant().plus(RETRY_UNREAD), () -> enter(rider, trip, attempt));
        } else if (decision.get().accepted()) {
            schedule(clock.instant().plus(trip.ride()), () -> leave(rider, trip, 1));
        } else if (decision.get().reason() == Reason.DENIED_TOKEN && attempt < MAX_ATTEMPTS) {
            topUp(rider, "denied at " + trip.origin().id());
            schedule(clock.instant().plus(RETRY_AFTER_TOP_UP), () -> enter(rider, trip, attempt + 1));
        }
    }

    private void leave(Rider rider, Trip trip, int attempt) {
        Optional<TapDecision> decision = present(rider, exitGates.get(trip.destination().id()));
        if (decision.isEmpty()) {
            schedule(clock.instant().plus(RETRY_UNREAD), () -> leave(rider, trip, attempt));
        } else if (decision.get().reason() == Reason.DENIED_TOKEN && attempt < MAX_ATTEMPTS) {
            topUp(rider, "denied leaving " + trip.destination().id());
            schedule(clock.instant().plus(RETRY_AFTER_TOP_UP), () -> leave(rider, trip, attempt + 1));
        }
    }

    /**
     * The rider shows their phone or taps their card. Empty when no tap happened: the camera read none of
     * {@link #CAMERA_FRAMES} frames (each a freshly drawn code), or the card left the field mid-transaction.
     */
    Optional<TapDecision> present(Rider rider, Gate gate) {
        if (rider.plan().media() == Media.PHONE_QR) {
            for (int frame = 0; frame < CAMERA_FRAMES; frame++) {
                java.awt.image.BufferedImage screen = rider.showQr(clock.instant());
                long started = System.nanoTime();
                Optional<TapDecision> decision = gate.validator().presentQrImage(screen);
                if (decision.isPresent()) {
                    return Optional.of(recorded(rider, gate, decision.get(), System.nanoTime() - started));
                }
                unreadFrames++;
            }
            event("gate " + gate.id() + " read none of " + CAMERA_FRAMES + " frames of rider "
                    + rider.plan().index() + "'s phone; the rider tries again");
            return Optional.empty();
        }
        terminals.insert(gate.terminalName(), rider.card());
        try {
            long started = System.nanoTime();
            TapDecision decision = gate.validator().tapCard(terminal(gate));
            return decision.reason() == Reason.CARD_ERROR ? Optional.empty()
                    : Optional.of(recorded(rider, gate, decision, System.nanoTime() - started));
        } finally {
            terminals.remove(gate.terminalName());
        }
    }

    TapDecision recorded(Rider rider, Gate gate, TapDecision decision, long nanos) {
        if (decision.reason() != Reason.CARD_ERROR) {
            ValidatorConfig config = gate.validator().config();
            taps.add(new SimTap(decision.tapId(), rider == null ? -1 : rider.plan().index(),
                    config.stationId().value(), config.direction(), decision.at(),
                    rider == null ? Media.PHONE_QR : rider.plan().media(), decision.reason(), nanos));
        }
        return decision;
    }

    void topUp(Rider rider, String why) {
        try {
            app.topUp(rider.account(), TOP_UP_MINOR, plan.currency(), "sim-" + rider.plan().index() + "-" + (++topUps));
        } catch (IOException e) {
            throw new UncheckedIOException("top-up for rider " + rider.plan().index() + " (" + why + ")", e);
        }
    }

    /** Every gate syncs; the time of syncs that delivered taps is summed to give the ingest rate seen. */
    void syncAll() {
        for (Gate gate : gates()) {
            long started = System.nanoTime();
            int delivered = gate.validator().sync().delivered();
            if (delivered > 0) {
                deliveringNanos += System.nanoTime() - started;
                deliveredTaps += delivered;
            }
        }
    }

    /** After the day: every network back up, and every gate syncs until nothing is pending. */
    private void catchUp() {
        gates().forEach(gate -> gate.network().set(FlakyLink.Mode.UP));
        for (int round = 0; round < 10 && gates().stream().anyMatch(g -> g.validator().pendingTaps() > 0); round++) {
            syncAll();
        }
        long pending = gates().stream().mapToLong(g -> g.validator().pendingTaps()).sum();
        events.add("End of day: every gate synced; taps still pending at gates: " + pending);
    }

    // --- set-up ------------------------------------------------------------------------------------

    /**
     * Installs every gate as a technician would: the issuer keys of the day on the gate (later keys come signed),
     * and the gate's own public key, made on its first start, registered with the gateway.
     */
    private void openGates() throws IOException {
        IssuerKeyList installed = operator.issuerKeys();
        for (Station station : plan.stations()) {
            entryGates.put(station.id(), openGate(station, station.entryGate(), Direction.ENTRY, installed));
            exitGates.put(station.id(), openGate(station, station.exitGate(), Direction.EXIT, installed));
        }
    }

    private Gate openGate(Station station, String gateId, Direction direction, IssuerKeyList installed)
            throws IOException {
        String terminalName = gateId + " reader";
        terminals.addTerminal(terminalName);
        ValidatorConfig config = ValidatorConfig.of(GateId.of(gateId), StationId.of(station.id()), direction,
                dataDir.resolve("gates").resolve(gateId));
        GateIdentity identity = GateIdentity.openOrCreate(config.gateId(), config.dataDir(), random);
        operator.registerGate(identity);
        FlakyLink network = new FlakyLink(new HttpGatewayLink(gateway, identity, clock,
                HttpGatewayLink.DEFAULT_CONNECT_TIMEOUT, HttpGatewayLink.DEFAULT_REQUEST_TIMEOUT), gateway);
        Validator validator = Validator.open(config, clock, random, network);
        validator.trustIssuerKeys(installed);
        return new Gate(validator, terminalName, network);
    }

    private Rider signUp(RiderPlan riderPlan) throws IOException {
        Accounts.View account = app.open(riderPlan.category());
        AccountId id = account.accountId();
        app.topUp(id, riderPlan.openingTopUpMinor(), plan.currency(), "sim-" + riderPlan.index() + "-opening");
        var deviceKey = Rider.newDeviceKey(random);
        String media = riderPlan.media() == Media.CARD ? "card" : "phone";
        Accounts.IssuedCredential issued = app.credential(id,
                deviceKey.verifyingKey().compressed().toHex(), media);
        try {
            Credential credential = Credential.parse(HexFormat.of().parseHex(issued.credential()));
            return Rider.of(riderPlan, id, deviceKey, credential);
        } catch (MalformedTokenException e) {
            throw new IOException("gateway issued an unreadable credential: " + e.getMessage(), e);
        }
    }

    // --- for the fault schedule --------------------------------------------------------------------

    void schedule(Instant at, Runnable action) {
        queue.add(new Event(at, sequence++, action));
    }

    Instant at(LocalTime time) {
        return plan.day().atTime(time).atZone(plan.zone()).toInstant();
    }

    Instant now() {
        return clock.instant();
    }

    List<Rider> riders() {
        return Collections.unmodifiableList(riders);
    }

    Gate entryGate(int stationIndex) {
        return new ArrayList<>(entryGates.values()).get(stationIndex % entryGates.size());
    }

    Gate exitGate(int stationIndex) {
        return new ArrayList<>(exitGates.values()).get(stationIndex % exitGates.size());
    }

    VirtualTerminals terminals() {
        return terminals;
    }

    CardTerminal terminal(Gate gate) {
        try {
            return cardTerminals.getTerminal(gate.terminalName());
        } catch (RuntimeException e) {
            throw new IllegalStateException("no terminal " + gate.terminalName(), e);
        }
    }

    void event(String text) {
        events.add(clock.instant().atZone(plan.zone()).toLocalTime() + " " + text);
    }

    private List<Gate> gates() {
        List<Gate> all = new ArrayList<>(entryGates.values());
        all.addAll(exitGates.values());
        return all;
    }

    private Instant start() {
        return startOf(plan);
    }

    /** When the simulated day starts: 05:00 on the plan's day in the city's zone. */
    public static Instant startOf(CityPlan plan) {
        return plan.day().atTime(LocalTime.of(5, 0)).atZone(plan.zone()).toInstant();
    }
}
