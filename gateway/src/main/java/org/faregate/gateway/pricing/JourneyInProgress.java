package org.faregate.gateway.pricing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareRules;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;

/**
 * An entry whose exit may still come: the chronologically last tap of a priced period, an
 * {@link TapEvent#ENTRY}, whose {@link FareRules#maxJourneyTime(FareTap) maximum journey time} has not
 * passed at the pricing time. Pairing completes an entry only with the tap right after it, so no other tap
 * can be in progress. It is charged zero until {@link #finaliseAt()}; from then on the same taps price it
 * as an incomplete journey (the maximum fare), and an exit that turns up later still prices it complete.
 * Pure: the pricing time is an argument.
 *
 * @param entry      the open entry
 * @param finaliseAt when its journey is decided: entry time plus the maximum journey time
 */
record JourneyInProgress(FareTap entry, Instant finaliseAt) {

    private static final Comparator<FareTap> CHRONOLOGICAL =
            Comparator.comparing(FareTap::at).thenComparing(FareTap::tapId);

    JourneyInProgress {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(finaliseAt, "finaliseAt");
    }

    /**
     * The journey in progress among one period's taps as of {@code asOf}, if any: the last of
     * {@code periodTaps} (in the order {@link FareRules} prices in) when it is an entry the rules wait for
     * and {@code asOf} is before its entry time plus the maximum journey time.
     *
     * @param periodTaps the period's taps the rules price (at stations they know)
     */
    static Optional<JourneyInProgress> find(FareRules rules, Collection<FareTap> periodTaps, Instant asOf) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(asOf, "asOf");
        Optional<FareTap> last = periodTaps.stream().max(CHRONOLOGICAL);
        if (last.isEmpty() || last.get().event() != TapEvent.ENTRY) {
            return Optional.empty();
        }
        FareTap entry = last.get();
        Optional<Duration> maximum = rules.maxJourneyTime(entry);
        if (maximum.isEmpty()) {
            return Optional.empty();
        }
        Instant deadline = entry.at().plus(maximum.get());
        return deadline.isAfter(asOf) ? Optional.of(new JourneyInProgress(entry, deadline)) : Optional.empty();
    }

    /** The entry's charge for now: zero, saying what is charged by when. */
    FareCharge charge(FareRules rules) {
        return new FareCharge(entry.tapId(), Money.zero(rules.currency()), "journey in progress: entered at "
                + entry.stationId() + " at " + entry.at() + "; the exit or the maximum fare is charged by " + finaliseAt);
    }
}
