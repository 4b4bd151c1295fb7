package org.faregate.simulator.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.city.SimClock;
import org.faregate.simulator.report.KnownTap;
import org.faregate.validator.SyncReport;
import org.faregate.validator.Validator;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.link.HttpGatewayLink;

/**
 * Riders going through real validators while the gateway suffers faults. Each lane is one thread with an
 * entry gate, an exit gate at another station and its own riders, who ride one after the other: a QR code
 * at the entry, a few simulated minutes, a QR code at the exit. The lane syncs both gates every few taps,
 * whatever state the gateway is in, as a gate's background sync would. Every decision is recorded as the
 * simulator's own {@link KnownTap}, the record the gateway's database is checked against.
 */
final class GateTraffic implements AutoCloseable {

    /** Entry and exit stations of each lane: zone-1, zone-2 and zone-3 journeys in both directions. */
    private static final String[][] LANES = {{"S01", "S03"}, {"S02", "S04"}, {"S03", "S01"}, {"S04", "S02"}};
    private static final int TAPS_PER_SYNC = 8;
    private static final Duration STEP = Duration.ofSeconds(5);

    private final SimClock clock;
    private final Duration pace;
    private final List<Validator> gates = new ArrayList<>();
    private final List<Thread> lanes = new ArrayList<>();
    private final ConcurrentLinkedQueue<KnownTap> decided = new ConcurrentLinkedQueue<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong failedSyncs = new AtomicLong();
    private final AtomicReference<Throwable> broken = new AtomicReference<>();
    private volatile boolean running = true;

    private GateTraffic(SimClock clock, Duration pace) {
        this.clock = clock;
        this.pace = pace;
    }

    /** The link of a gate registered with the gateway, its key in its data directory under {@code dir}. */
    private static HttpGatewayLink linkOf(URI base, OperatorConsole operator, Path dir, SecureRandom random,
                                          String station, Direction direction) {
        String gateId = TestCity.gateIdOf(station, direction);
        return new HttpGatewayLink(base, TestCity.registerGate(operator, GateId.of(gateId), dir.resolve(gateId), random));
    }

    /**
     * Installs two gates per lane against the gateway at {@code base} and starts the lanes, the riders dealt
     * round-robin to them; each lane pauses {@code pace} after every tap so the gateway gets the CPU it needs.
     */
    static GateTraffic start(URI base, OperatorConsole operator, Path dir, SimClock clock, List<Rider> riders,
                             int laneCount, Duration pace) {
        return start(List.of(base), operator, dir, clock, riders, laneCount, pace);
    }

    /**
     * As {@link #start(URI, OperatorConsole, Path, SimClock, List, int, Duration)}, lane {@code i}'s gates
     * syncing to node {@code i mod n} of a cluster.
     */
    static GateTraffic start(List<URI> nodes, OperatorConsole operator, Path dir, SimClock clock, List<Rider> riders,
                             int laneCount, Duration pace) {
        if (laneCount < 1 || laneCount > LANES.length || riders.size() < laneCount) {
            throw new IllegalArgumentException("1.." + LANES.length + " lanes, at least one rider each");
        }
        GateTraffic traffic = new GateTraffic(clock, pace);
        SecureRandom random = new SecureRandom();
        for (int lane = 0; lane < laneCount; lane++) {
            URI base = nodes.get(lane % nodes.size());
            Validator entry = TestCity.installGate(linkOf(base, operator, dir, random, LANES[lane][0], Direction.ENTRY), dir,
                    clock, random, LANES[lane][0], Direction.ENTRY);
            traffic.gates.add(entry);
            Validator exit = TestCity.installGate(linkOf(base, operator, dir, random, LANES[lane][1], Direction.EXIT), dir,
                    clock, random, LANES[lane][1], Direction.EXIT);
            traffic.gates.add(exit);
            List<Rider> mine = new ArrayList<>();
            for (int r = lane; r < riders.size(); r += laneCount) {
                mine.add(riders.get(r));
            }
            Thread thread = new Thread(() -> traffic.ride(entry, exit, mine), "lane-" + lane);
            thread.setDaemon(true);
            traffic.lanes.add(thread);
        }
        traffic.lanes.forEach(Thread::start);
        return traffic;
    }

    private void ride(Validator entry, Validator exit, List<Rider> riders) {
        try {
            long taps = 0;
            while (running) {
                for (Rider rider : riders) {
                    tap(entry, rider);
                    tap(exit, rider);
                    taps += 2;
                    if (taps % TAPS_PER_SYNC == 0) {
                        sync(entry);
                        sync(exit);
                    }
                    if (!running) {
                        return;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            broken.compareAndSet(null, e);
        }
    }

    private void tap(Validator gate, Rider rider) {
        clock.advanceTo(clock.instant().plus(STEP));
        TapDecision decision = gate.presentQr(rider.qrCode(clock.instant()).toArray());
        decided.add(new KnownTap(decision.tapId(), decision.accountId(), "adult", gate.config().stationId().value(),
                gate.config().direction(), decision.at(), decision.reason()));
        LockSupport.parkNanos(pace.toNanos());
    }

    private void sync(Validator gate) {
        SyncReport report = gate.sync();
        syncs.incrementAndGet();
        delivered.addAndGet(report.delivered());
        if (!report.failures().isEmpty()) {
            failedSyncs.incrementAndGet();
        }
    }

    /** Taps the gateway has acknowledged so far, over all gates. */
    long delivered() {
        return delivered.get();
    }

    long syncs() {
        return syncs.get();
    }

    /** Syncs that reported a failure (the gateway unreachable or refusing): the gates kept their taps. */
    long failedSyncs() {
        return failedSyncs.get();
    }

    /** Waits up to {@code timeout} for {@code condition}, checking every 20 ms; false if it never held. */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return true;
    }

    /**
     * Stops the riders, then syncs every gate until none has a pending tap; returns every tap decided, in no
     * particular order. Fails if a lane broke or the gates could not empty their journals within {@code timeout}.
     */
    List<KnownTap> stopAndDrain(Duration timeout) throws InterruptedException {
        running = false;
        for (Thread lane : lanes) {
            lane.join(timeout.toMillis());
        }
        if (broken.get() != null) {
            throw new IllegalStateException("a lane failed: " + broken.get(), broken.get());
        }
        boolean drained = await(() -> {
            gates.forEach(this::sync);
            return gates.stream().allMatch(gate -> gate.pendingTaps() == 0);
        }, timeout);
        if (!drained) {
            throw new IllegalStateException("gates still hold pending taps after " + timeout + ": "
                    + gates.stream().mapToInt(Validator::pendingTaps).sum());
        }
        return List.copyOf(decided);
    }

    @Override
    public void close() {
        running = false;
        gates.forEach(Validator::close);
    }
}
