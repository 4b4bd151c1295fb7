package org.faregate.gateway.ledger;

import java.util.Arrays;
import java.util.Optional;

/** Why an operator adjusted or refunded a wallet: a fixed list of codes (docs/ledger.md). */
public enum CorrectionReason {
    /** A gesture to the rider, not a fix of a mistake. */
    GOODWILL("goodwill"),
    /** A fare was priced wrongly (e.g. a fare rule error found later). */
    FARE_CORRECTION("fare_correction"),
    /** A tap failed (gate fault, lost tap) and the rider was charged for it or lost a journey. */
    FAILED_TAP("failed_tap"),
    /** The rider was charged twice for one journey. */
    DUPLICATE_CHARGE("duplicate_charge"),
    /** Anything else; the note then says what. */
    OTHER("other");

    private final String code;

    CorrectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether a correction for this reason must carry a note saying what happened. */
    public boolean needsNote() {
        return this == OTHER;
    }

    public static Optional<CorrectionReason> find(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
