package org.faregate.gateway.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;

/**
 * One money movement to record: {@code amountMinor} on the account's wallet, balanced by its negation on the
 * kind's {@link EntryKind#counterBook() counter book}. {@link SqlLedger} writes it as one transaction.
 *
 * @param amountMinor the wallet side: a fare is negative, a top-up positive, a refund negative
 * @param tapId       the tap a fare is for; null otherwise
 * @param reference   the caller's idempotency reference of a top-up, adjustment or refund; null otherwise
 * @param correction  who made an operator adjustment or refund and why; null for fares and top-ups
 */
public record LedgerPosting(AccountId account, EntryKind kind, long amountMinor, Currency currency, TapId tapId,
                            String reference, String explanation, Instant at, Correction correction) {

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
        if (kind == EntryKind.REFUND && amountMinor > 0) {
            throw new IllegalArgumentException("a refund takes money out of the wallet: " + amountMinor);
        }
        if (kind == EntryKind.REFUND && correction == null) {
            throw new IllegalArgumentException("a refund records who made it and why");
        }
    }

    /** A fare or top-up: no operator correction. */
    public LedgerPosting(AccountId account, EntryKind kind, long amountMinor, Currency currency, TapId tapId,
                         String reference, String explanation, Instant at) {
        this(account, kind, amountMinor, currency, tapId, reference, explanation, at, null);
    }

    /**
     * The postings of this movement as a transaction of its own: the wallet leg (naming the tap) and the
     * counter-book leg, summing to zero. The explanation is the transaction's.
     */
    public List<Leg> legs() {
        return List.of(new Leg(Book.WALLET, account, amountMinor, currency, tapId, null),
                new Leg(kind.counterBook(), null, Math.negateExact(amountMinor), currency));
    }

    /** The wallet leg of this movement as a line of a journal: it carries the tap and the explanation. */
    public Leg journalLine() {
        return new Leg(Book.WALLET, account, amountMinor, currency, tapId, explanation);
    }
}
