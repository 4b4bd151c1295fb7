package org.faregate.gateway.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;

/**
 * One entry to append to an account's ledger.
 *
 * @param tapId     the tap a fare entry is for; null otherwise
 * @param reference the caller's idempotency reference of a top-up; null otherwise
 */
public record LedgerPosting(AccountId account, EntryKind kind, long amountMinor, Currency currency, TapId tapId,
                            String reference, String explanation, Instant at) {

    public LedgerPosting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(at, "at");
        if (amountMinor == 0) {
            throw new IllegalArgumentException("a ledger entry moves money: amount must not be zero");
        }
        if (kind == EntryKind.TOP_UP && amountMinor < 0) {
            throw new IllegalArgumentException("a top-up adds money: " + amountMinor);
        }
    }
}
