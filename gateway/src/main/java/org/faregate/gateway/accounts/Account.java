package org.faregate.gateway.accounts;

import java.util.Currency;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.wire.Accounts;

/**
 * A wallet as stored: its balance and the floor below which its credentials are denied.
 *
 * @param denied         whether the account's credentials are denied for a balance below the floor
 * @param pricingVersion how many pricing rounds have re-priced the account's taps: a pricer that remembers
 *                       the taps it priced knows from it whether another node priced the account since
 */
public record Account(AccountId id, RiderCategory category, Currency currency, long balanceMinor, long floorMinor,
                      boolean denied, long pricingVersion) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(currency, "currency");
    }

    public boolean belowFloor() {
        return balanceMinor < floorMinor;
    }

    public Account withBalance(long balance) {
        return new Account(id, category, currency, balance, floorMinor, denied, pricingVersion);
    }

    public Account withDenied(boolean isDenied) {
        return new Account(id, category, currency, balanceMinor, floorMinor, isDenied, pricingVersion);
    }

    /** The account as a pricing round leaves it: one more pricing. */
    public Account repriced() {
        return new Account(id, category, currency, balanceMinor, floorMinor, denied, Math.addExact(pricingVersion, 1));
    }

    public Accounts.View view() {
        return new Accounts.View(id, category.id(), balanceMinor, currency.getCurrencyCode(), floorMinor, denied);
    }
}
