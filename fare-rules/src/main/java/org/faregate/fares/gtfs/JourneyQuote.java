package org.faregate.fares.gtfs;

import java.util.List;
import java.util.Optional;
import org.faregate.fares.Money;

/** The charges of a journey's effective legs, in order; the total is known only if every leg is priced. */
public record JourneyQuote(List<LegCharge> charges) {

    public JourneyQuote {
        charges = List.copyOf(charges);
    }

    public Optional<Money> total() {
        Money sum = null;
        for (LegCharge charge : charges) {
            if (!(charge instanceof LegCharge.Priced priced)) {
                return Optional.empty();
            }
            sum = sum == null ? priced.amount() : sum.plus(priced.amount());
        }
        return Optional.ofNullable(sum);
    }
}
