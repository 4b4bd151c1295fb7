package org.faregate.fares.engine;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.faregate.fares.Money;
import org.faregate.fares.charging.CapEntry;
import org.faregate.fares.charging.CapLedger;
import org.faregate.fares.charging.Charge;
import org.faregate.fares.charging.Extensions;
import org.faregate.fares.charging.SpendEntry;
import org.faregate.fares.charging.SpendTiers;

/**
 * The charging layers after the fare of each ride: spend tiers first (journey fares only; maximum fares
 * are neither discounted nor counted as spend), then caps over what the spend tier left. Both work in
 * time order of the rides' first taps, then by tap id.
 */
final class ChargeLayers {

    /** What a ride is charged, with the whole explanation. */
    record Charged(Money amount, String explanation) {
    }

    private final Extensions extensions;
    private final SpendTiers spendTiers;
    private final CapLedger capLedger;

    ChargeLayers(Extensions extensions, ZoneId zone) {
        this.extensions = extensions;
        this.spendTiers = new SpendTiers(extensions.spendTiers(), zone, extensions.settings().serviceDayCutover());
        this.capLedger = new CapLedger(extensions.caps(), zone, extensions.settings().serviceDayCutover());
    }

    /** The charge of each ride, by its charge tap id. */
    Map<String, Charged> apply(List<JourneyFare> fares) {
        Map<String, Money> afterTier = new HashMap<>();
        Map<String, String> explanations = new HashMap<>();
        for (JourneyFare fare : fares) {
            afterTier.put(fare.ride().chargeTapId(), fare.fare());
            explanations.put(fare.ride().chargeTapId(), fare.explanation());
        }
        if (!extensions.spendTiers().isEmpty()) {
            List<SpendEntry> spend = fares.stream().filter(fare -> !fare.maximumFare())
                    .map(fare -> new SpendEntry(fare.ride().chargeTapId(), fare.ride().at(), fare.fare())).toList();
            for (Charge charge : spendTiers.apply(spend)) {
                afterTier.put(charge.chargeId(), charge.charged());
                explanations.merge(charge.chargeId(), charge.explanation(), ChargeLayers::join);
            }
        }
        List<CapEntry> entries = fares.stream().map(fare -> new CapEntry(fare.ride().chargeTapId(), fare.ride().at(),
                afterTier.get(fare.ride().chargeTapId()), fare.ride().riderCategory(), fare.ride().networkId(),
                fare.ride().areas(), fare.countsTowardsCaps())).toList();
        Map<String, Charged> charged = new HashMap<>();
        for (Charge charge : capLedger.apply(entries)) {
            String explanation = explanations.get(charge.chargeId());
            if (!extensions.caps().isEmpty()) {
                explanation = join(explanation, charge.explanation());
            }
            charged.put(charge.chargeId(), new Charged(charge.charged(), explanation));
        }
        return charged;
    }

    private static String join(String first, String second) {
        return first + "; " + second;
    }
}
