package org.faregate.gateway.ledger;

import java.util.Arrays;

/**
 * What a ledger transaction records, and which book balances the wallet side. The wallet amount of a fare is
 * negative (a re-price may be either sign), of a top-up positive, of a refund negative, of an adjustment either.
 */
public enum EntryKind {
    TOP_UP("top_up", Book.TOP_UP_CLEARING),
    FARE("fare", Book.FARE_REVENUE),
    ADJUSTMENT("adjustment", Book.ADJUSTMENTS),
    REFUND("refund", Book.REFUNDS_PAYABLE);

    private final String code;
    private final Book counterBook;

    EntryKind(String code, Book counterBook) {
        this.code = code;
        this.counterBook = counterBook;
    }

    public String code() {
        return code;
    }

    /** The book on the other side of the wallet in a transaction of this kind. */
    public Book counterBook() {
        return counterBook;
    }

    public static EntryKind parse(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ledger entry kind: '" + code + "'"));
    }
}
