package org.faregate.fares.charging;

import java.util.Objects;
import org.faregate.fares.Money;

/**
 * An amount with the reason for it, e.g. {@code 5.00 CNY} because
 * {@code "distance 16.001 km: 3.00 to 6.000 km + 2 x 1.00 per 10.000 km = 5.00"}.
 * The explanation is for people and logs, not to be parsed.
 */
public record Price(Money amount, String explanation) {

    public Price {
        Objects.requireNonNull(amount, "amount");
        Ids.requireNonBlank(explanation, "explanation");
    }
}
