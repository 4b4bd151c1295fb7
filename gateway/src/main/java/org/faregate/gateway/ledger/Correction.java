package org.faregate.gateway.ledger;

import java.util.Objects;

/**
 * Who corrected a wallet and why: recorded with an operator's adjustment or refund.
 *
 * @param note  free text; required for {@link CorrectionReason#OTHER}, otherwise may be null
 * @param actor the authenticated operator (auth.Caller)
 */
public record Correction(CorrectionReason reason, String note, String actor) {

    public Correction {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        if (reason.needsNote() && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("a correction for reason '" + reason.code() + "' needs a note");
        }
    }
}
