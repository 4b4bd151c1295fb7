package org.faregate.gateway.ledger;

import java.util.Arrays;

/**
 * The books money moves between. Every transaction's postings sum to zero per currency, so money only
 * ever moves from one book to another; a posting's sign is the change to its book (a rider wallet goes up
 * with a top-up, {@code fare_revenue} goes up with a fare).
 */
public enum Book {
    /** One per rider account: what the rider may spend. */
    WALLET("wallet"),
    /** What fares took from wallets: the operator's earned revenue. */
    FARE_REVENUE("fare_revenue"),
    /** Money received from the payment provider for top-ups; it goes negative as wallets are funded. */
    TOP_UP_CLEARING("top_up_clearing"),
    /** Operator corrections and goodwill; it goes negative by what adjustments gave wallets. */
    ADJUSTMENTS("adjustments"),
    /** Money owed back to riders through the payment provider: refunds taken from wallets, not yet paid out. */
    REFUNDS_PAYABLE("refunds_payable");

    private final String code;

    Book(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Book parse(String code) {
        return Arrays.stream(values()).filter(book -> book.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ledger book: '" + code + "'"));
    }
}
