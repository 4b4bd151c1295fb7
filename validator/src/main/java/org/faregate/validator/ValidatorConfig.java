package org.faregate.validator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;
import org.faregate.validator.journal.SegmentedTapJournal;

/**
 * One gate's settings.
 *
 * @param dataDir        where the tap journal, the deny list and the issuer keys are kept
 * @param qrValidity     how long a QR code is valid after the phone stamped it
 * @param clockSkew      how far the phone's and the gate's clocks may disagree
 * @param passbackWindow how long after an entry the same credential may not enter here again
 * @param journalMaxBytes the tap journal's disk allowance; when it is full the gate stays closed
 */
public record ValidatorConfig(GateId gateId, StationId stationId, Direction direction, Path dataDir,
                              Duration qrValidity, Duration clockSkew, Duration passbackWindow,
                              Optional<String> routeId, long journalMaxBytes) {

    public static final Duration DEFAULT_QR_VALIDITY = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PASSBACK_WINDOW = Duration.ofMinutes(2);
    /** More allowance than this would let a screenshot taken minutes ago through; fix the clocks instead. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** 512 MiB: about 2 million taps (a tap record takes about 270 bytes), weeks of a busy gate offline. */
    public static final long DEFAULT_JOURNAL_MAX_BYTES = SegmentedTapJournal.DEFAULT_MAX_BYTES;
    /** The smallest journal allowance accepted. */
    public static final long MIN_JOURNAL_MAX_BYTES = 64L << 10;

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
        if (journalMaxBytes < MIN_JOURNAL_MAX_BYTES) {
            throw new IllegalArgumentException("journalMaxBytes must be at least " + MIN_JOURNAL_MAX_BYTES + ": "
                    + journalMaxBytes);
        }
    }

    /** A gate at a station (no route). */
    public ValidatorConfig(GateId gateId, StationId stationId, Direction direction, Path dataDir, Duration qrValidity,
                           Duration clockSkew, Duration passbackWindow) {
        this(gateId, stationId, direction, dataDir, qrValidity, clockSkew, passbackWindow, Optional.empty(),
                DEFAULT_JOURNAL_MAX_BYTES);
    }

    /** A validate-on-board reader on a vehicle of this GTFS route: its taps name the route. */
    public ValidatorConfig onRoute(String route) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, qrValidity, clockSkew, passbackWindow,
                Optional.of(route), journalMaxBytes);
    }

    /** A gate with the default windows: QR valid 60 s, clock skew 30 s, pass-back 2 minutes. */
    public static ValidatorConfig of(GateId gateId, StationId stationId, Direction direction, Path dataDir) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, DEFAULT_QR_VALIDITY, DEFAULT_CLOCK_SKEW,
                DEFAULT_PASSBACK_WINDOW);
    }

    public ValidatorConfig withPassbackWindow(Duration window) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, qrValidity, clockSkew, window, routeId,
                journalMaxBytes);
    }

    public ValidatorConfig withQrValidity(Duration validity, Duration skew) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, validity, skew, passbackWindow, routeId,
                journalMaxBytes);
    }

    /** The same gate with another disk allowance for its tap journal. */
    public ValidatorConfig withJournalMaxBytes(long maxBytes) {
        return new ValidatorConfig(gateId, stationId, direction, dataDir, qrValidity, clockSkew, passbackWindow,
                routeId, maxBytes);
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
