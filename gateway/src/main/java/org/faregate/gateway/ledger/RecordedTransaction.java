package org.faregate.gateway.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A transaction as stored, seen from its account's wallet: what an idempotent request compares with.
 *
 * @param amountMinor the wallet side
 * @param reason      the correction reason code of an adjustment or refund; null otherwise
 * @param note        the correction note; null if none
 * @param actor       who made an adjustment or refund; null otherwise
 */
public record RecordedTransaction(UUID id, EntryKind kind, long amountMinor, String currency, String reference,
                                  String reason, String note, String actor, Instant at) {

    public RecordedTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
    }
}
