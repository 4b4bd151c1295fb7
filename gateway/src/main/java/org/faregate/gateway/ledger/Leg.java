package org.faregate.gateway.ledger;

import java.util.Currency;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;

/**
 * One posting of a transaction: a signed amount on one book.
 *
 * @param account     the rider account of a {@link Book#WALLET} leg; null on every other book
 * @param tapId       the tap a fare leg is for; null otherwise
 * @param explanation the leg's own explanation (a fare line of a pricing journal); null when the
 *                    transaction's explanation says it
 */
public record Leg(Book book, AccountId account, long amountMinor, Currency currency, TapId tapId, String explanation) {

    public Leg {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(currency, "currency");
        if ((book == Book.WALLET) != (account != null)) {
            throw new IllegalArgumentException("a wallet leg names its account, other books none: " + book);
        }
    }

    /** A leg with no tap and no explanation of its own. */
    public Leg(Book book, AccountId account, long amountMinor, Currency currency) {
        this(book, account, amountMinor, currency, null, null);
    }
}
