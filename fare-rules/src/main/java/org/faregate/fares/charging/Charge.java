package org.faregate.fares.charging;

import java.util.Objects;
import org.faregate.fares.Money;

/**
 * What one fare became after a charging step (caps, spend tiers).
 *
 * @param chargeId    the entry this charge belongs to
 * @param fare        the fare before the step
 * @param charged     the amount to charge
 * @param explanation e.g. {@code "daily cap day 8.00 reached: charged 1.50 of 3.00"}
 */
public record Charge(String chargeId, Money fare, Money charged, String explanation) {

    public Charge {
        Ids.requireNonBlank(chargeId, "chargeId");
        Objects.requireNonNull(fare, "fare");
        Objects.requireNonNull(charged, "charged");
        Ids.requireNonBlank(explanation, "explanation");
        if (!fare.currency().equals(charged.currency())) {
            throw new IllegalArgumentException("fare " + fare + " and charge " + charged + " differ in currency");
        }
    }
}
