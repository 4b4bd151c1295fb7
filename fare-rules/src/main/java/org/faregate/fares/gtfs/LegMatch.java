package org.faregate.fares.gtfs;

import java.util.Objects;

/** A fare product row a leg could be charged, and the fare_leg_rules.txt row that offered it. */
public record LegMatch(FareLegRule rule, FareProduct product) {

    public LegMatch {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(product, "product");
        if (!rule.product().equals(product.id())) {
            throw new IllegalArgumentException("rule " + rule.cite() + " does not offer " + product.id());
        }
    }

    @Override
    public String toString() {
        return product.id() + " " + product.amount() + " by " + rule.cite();
    }
}
