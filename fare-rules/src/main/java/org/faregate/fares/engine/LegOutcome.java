package org.faregate.fares.engine;

import java.util.Objects;
import org.faregate.fares.Money;

/** What the fare rules (GTFS matcher or distance fare) say a complete ride costs before charging layers. */
sealed interface LegOutcome {

    /** A known fare, with rules matched, product chosen and transfer applied. */
    record Known(Money amount, String explanation) implements LegOutcome {
        public Known {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** No rule prices the ride: the operator's unknown-fare policy decides. */
    record Unknown(String reason) implements LegOutcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Joined (fare_leg_join_rules.txt) into the fare leg charged on another tap. */
    record Joined(String chargedOnTapId) implements LegOutcome {
        public Joined {
            Objects.requireNonNull(chargedOnTapId, "chargedOnTapId");
        }
    }
}
