package org.faregate.fares;

import java.util.Objects;

/**
 * The amount charged for one tap, and which rule made it.
 *
 * @param tapId       the tap this charge belongs to
 * @param amount      the amount; zero when the tap is paid by another tap of the same journey
 * @param explanation human-readable rule, e.g. {@code "zone fare 1->3 (3 zones): 4.00 CNY"};
 *                    for people and logs, not to be parsed
 */
public record FareCharge(String tapId, Money amount, String explanation) {

    public FareCharge {
        FareTap.requireNonBlank(tapId, "tapId");
        Objects.requireNonNull(amount, "amount");
        FareTap.requireNonBlank(explanation, "explanation");
    }
}
