package org.faregate.gateway.ledger;

import java.util.Currency;
import java.util.Objects;
import org.faregate.protocol.AccountId;

/**
 * One posting of a transaction: a signed amount on one book.
 *
 * @param account the rider account of a {@link Book#WALLET} leg; null on every other book
 */
public record Leg(Book book, AccountId account, long amountMinor, Currency currency) {

    public Leg {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(currency, "currency");
        if ((book == Book.WALLET) != (account != null)) {
            throw new IllegalArgumentException("a wallet leg names its account, other books none: " + book);
        }
    }
}
