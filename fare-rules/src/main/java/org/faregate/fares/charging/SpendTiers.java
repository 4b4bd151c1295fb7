package org.faregate.fares.charging;

import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.faregate.fares.Money;
import org.faregate.fares.ServiceDay;

/**
 * Monthly spend tiers (Beijing): a ride's discount depends on what the account was charged earlier in
 * the same calendar month of service days, not counting the ride itself. What counts is the amount
 * charged after the discount. Rides are taken in time order, then by charge id.
 */
public final class SpendTiers {

    private final List<SpendTier> tiers;
    private final ZoneId zone;
    private final LocalTime cutover;

    /** @param tiers with strictly increasing thresholds, all in one currency */
    public SpendTiers(List<SpendTier> tiers, ZoneId zone, LocalTime cutover) {
        this.tiers = List.copyOf(tiers);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
        for (int i = 1; i < this.tiers.size(); i++) {
            if (this.tiers.get(i).threshold().compareTo(this.tiers.get(i - 1).threshold()) <= 0) {
                throw new IllegalArgumentException("spend tier thresholds must increase strictly");
            }
        }
    }

    /** One charge per entry, in time order. */
    public List<Charge> apply(List<SpendEntry> entries) {
        List<SpendEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(SpendEntry::at).thenComparing(SpendEntry::chargeId));
        Set<String> seen = new HashSet<>();
        List<Charge> charges = new ArrayList<>();
        YearMonth month = null;
        Money spent = null;
        for (SpendEntry entry : sorted) {
            if (!seen.add(entry.chargeId())) {
                throw new IllegalArgumentException("duplicate charge id '" + entry.chargeId() + "'");
            }
            YearMonth entryMonth = YearMonth.from(ServiceDay.of(entry.at(), zone, cutover));
            if (!entryMonth.equals(month)) {
                month = entryMonth;
                spent = Money.zero(entry.fare().currency());
            }
            SpendTier tier = tierFor(spent);
            Money charged = tier == null ? entry.fare() : tier.applyTo(entry.fare());
            charges.add(new Charge(entry.chargeId(), entry.fare(), charged, explain(month, spent, tier, entry.fare(), charged)));
            spent = spent.plus(charged);
        }
        return charges;
    }

    private SpendTier tierFor(Money spent) {
        SpendTier reached = null;
        for (SpendTier tier : tiers) {
            if (spent.compareTo(tier.threshold()) >= 0) {
                reached = tier;
            }
        }
        return reached;
    }

    private static String explain(YearMonth month, Money spent, SpendTier tier, Money fare, Money charged) {
        String before = "spent " + spent.toDecimalString() + " in " + month;
        if (tier == null) {
            return before + ", no spend tier reached: charged " + charged.toDecimalString();
        }
        return before + ", tier from " + tier.threshold().toDecimalString() + ": " + tier.percentOff() + "% off "
                + fare.toDecimalString() + " = " + charged.toDecimalString();
    }
}
