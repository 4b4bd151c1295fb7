package org.faregate.validator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.faregate.protocol.GateId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the gate's clock is from the gateway's, measured at each signed deny-list fetch: the gateway's
 * signing time against the middle of the request (uncertain by half the round trip, so slow round trips are
 * not used). A gate decides with its own clock; a drifting one refuses good QR codes as expired or from the
 * future, or accepts stale screenshots. It is logged once per level change: a warning beyond
 * {@link #WARNING}, an error beyond the gate's clock-skew allowance.
 */
final class ClockDrift {

    static final Duration WARNING = Duration.ofSeconds(2);
    static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(1);
    private static final Logger logger = LoggerFactory.getLogger(ClockDrift.class);

    private enum Level { IN_STEP, DRIFTING, BEYOND_SKEW }

    private final GateId gateId;
    private final Duration clockSkew;
    private volatile Duration last;
    private Level level = Level.IN_STEP;

    ClockDrift(GateId gateId, Duration clockSkew) {
        this.gateId = gateId;
        this.clockSkew = clockSkew;
    }

    /** The last measurement: positive when the gateway's clock is ahead of the gate's. */
    Optional<Duration> last() {
        return Optional.ofNullable(last);
    }

    synchronized void observe(Instant gatewayTime, Instant sent, Instant received) {
        Duration roundTrip = Duration.between(sent, received);
        if (roundTrip.isNegative() || roundTrip.compareTo(MAX_ROUND_TRIP) > 0) {
            logger.debug("Round trip too slow to measure clock drift [gate={}, roundTripMs={}]", gateId,
                    roundTrip.toMillis());
            return;
        }
        Duration drift = Duration.between(sent.plus(roundTrip.dividedBy(2)), gatewayTime);
        last = drift;
        Level now = drift.abs().compareTo(clockSkew) > 0 ? Level.BEYOND_SKEW
                : drift.abs().compareTo(WARNING) > 0 ? Level.DRIFTING : Level.IN_STEP;
        if (now == level) {
            return;
        }
        level = now;
        switch (now) {
            case BEYOND_SKEW -> logger.error("Gate clock is off by more than the clock-skew allowance: QR codes will "
                    + "be refused or accepted wrongly; fix the time source [gate={}, driftMs={}, allowanceMs={}]",
                    gateId, drift.toMillis(), clockSkew.toMillis());
            case DRIFTING -> logger.warn("Gate clock drifts from the gateway's [gate={}, driftMs={}, warnAboveMs={}]",
                    gateId, drift.toMillis(), WARNING.toMillis());
            case IN_STEP -> logger.info("Gate clock back in step with the gateway [gate={}, driftMs={}]", gateId,
                    drift.toMillis());
        }
    }
}
