package org.faregate.fares.gtfs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.Money;

/** What one effective fare leg of a journey costs, with the why. */
public sealed interface LegCharge permits LegCharge.Priced, LegCharge.Unknown {

    /** Indexes, in the priced journey, of the legs this charge covers (several when joined). */
    List<Integer> legs();

    /** For people: rules matched, product chosen, transfer applied. */
    String explanation();

    /**
     * A priced leg.
     *
     * @param amount   what this leg adds to the journey (may be zero, or negative for a type-2 transfer)
     * @param match    the product chosen for the leg and the leg rule that offered it
     * @param transfer the transfer rule applied from the previous leg, if any
     */
    record Priced(List<Integer> legs, Money amount, LegMatch match, Optional<FareTransferRule> transfer,
                  String explanation) implements LegCharge {
        public Priced {
            legs = List.copyOf(legs);
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** No rule or no eligible product: the fare is unknown and the charging layer needs a policy for it. */
    record Unknown(List<Integer> legs, String explanation) implements LegCharge {
        public Unknown {
            legs = List.copyOf(legs);
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
