package org.faregate.validator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;

/**
 * One gate's settings.
 *
 * @param dataDir        where the tap journal, the deny list and the issuer keys are kept
 * @param qrValidity     how long a QR code is valid after the phone stamped it
 * @param clockSkew      how far the phone's and the gate's clocks may disagree
 * @param passbackWindow how long after an entry the same credential may not enter here again
 */
public record ValidatorConfig(GateId gateId, StationId stationId, Direction direction, Path dataDir,
                              Duration qrValidity, Duration clockSkew, Duration passbackWindow,
                              Optional<String> routeId) {

    public static final Duration DEFAULT_QR_VALIDITY = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PASSBACK_WINDOW = Duration.ofMinutes(2);
    /** More allowance than this would let a screenshot taken minutes ago through; fix the clocks instead. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public ValidatorConfig {
        Objects.requireNonNull(gateId, "gateId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(dataDir, "dataDir");
        requireNotNegative(qrValidity, "qrValidity");
        requireNotNegative(clockSkew, "clockSkew");
        if (clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew " + clockSkew + " is over the limit of " + MAX_CLOCK_SKEW
                    + ": the gate would accept codes stamped that far in the past or future");
        }
        requireNotNegative(passbackWindow, "passbackWindow");
        Objects.requireNonNull(routeId, "routeId");
    }

    /** A gate at a station (no route). */
    public ValidatorConfig(GateId gateId, StationId stationId, Direction direction, Path dataDir, Duration qrValidity,
                           Duration clockSkew, Duration passbackWindow) {
        this(gateId, stationId, direction, dataDir, qrValidity, clockSkew, passbackWindow, Optional.empty());
    }

    /** A validate-on-board reader on a vehicle of this GTFS route: its taps name the route. */
    public ValidatorConfig onRoute(String route) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, qrValidity, clockSkew, passbackWindow,
                Optional.of(route));
    }

    /** A gate with the default windows: QR valid 60 s, clock skew 30 s, pass-back 2 minutes. */
    public static ValidatorConfig of(GateId gateId, StationId stationId, Direction direction, Path dataDir) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, DEFAULT_QR_VALIDITY, DEFAULT_CLOCK_SKEW,
                DEFAULT_PASSBACK_WINDOW);
    }

    public ValidatorConfig withPassbackWindow(Duration window) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, qrValidity, clockSkew, window, routeId);
    }

    public ValidatorConfig withQrValidity(Duration validity, Duration skew) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, validity, skew, passbackWindow, routeId);
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
