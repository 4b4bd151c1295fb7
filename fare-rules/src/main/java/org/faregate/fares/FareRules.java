package org.faregate.fares;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Prices the taps of one account in one service day (see {@link ServiceDay}).
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>pure and deterministic: no clock, no I/O, no state kept between calls;</li>
 *   <li>the result does not depend on the order of the input list: taps are put in chronological
 *       order by ({@link FareTap#at()}, {@link FareTap#tapId()}) first;</li>
 *   <li>exactly one {@link FareCharge} per input tap, returned in that chronological order;
 *       zero amounts are allowed and carry an explanation too;</li>
 *   <li>all amounts are in {@link #currency()};</li>
 *   <li>programming errors throw {@link IllegalArgumentException}: two taps with the same id, or a
 *       station the rules do not know (check {@link #knowsStation(String)} first);</li>
 *   <li>an entry whose fare depends on its exit waits at most {@link #maxJourneyTime(FareTap)} for it:
 *       an exit of the same network right after the entry and at most that long after it completes the
 *       journey; a later exit, another tap in between, or none at all leaves it incomplete (a maximum
 *       fare). A caller that prices before that time has passed may hold back the charge of the period's
 *       last entry (see there).</li>
 * </ul>
 */
public interface FareRules {

    /** Prices all taps of one account in one service day; see the interface contract. */
    List<FareCharge> price(List<FareTap> taps);

    /** The currency of every amount these rules charge. */
    Currency currency();

    /** Whether {@link #price(List)} accepts taps at this station. */
    boolean knowsStation(String stationId);

    /**
     * How long after this entry tap an exit still completes its journey: the maximum journey time of the
     * entry's network (the tap's route's network, or its station's). Empty when the tap is not an
     * {@link TapEvent#ENTRY} or when these rules never wait for an exit (an entry's charge does not depend
     * on it, e.g. a flat fare). Until {@code entry.at() + maxJourneyTime} has passed, the chronologically
     * last entry of a period may still be completed by an exit that has not arrived yet; from then on its
     * price as an incomplete journey is final unless a late exit turns up. Pure: the caller compares with
     * its own clock. Throws {@link IllegalArgumentException} for a station the rules do not know.
     */
    Optional<Duration> maxJourneyTime(FareTap entry);

    /**
     * How many service days before a period its account's earlier taps still matter (caps over weeks or
     * months, monthly spend tiers); 0 when the rules price each day on its own. A caller that reprices a
     * day passes those days' taps to {@link #price(List, List)}, and reprices the later days within this
     * many days after a changed day.
     */
    default int lookbackDays() {
        return 0;
    }

    /**
     * Prices {@code taps} (one account's one service day) given the account's taps of the
     * {@link #lookbackDays()} days before it, which count towards caps and tiers but get no charges here.
     */
    default List<FareCharge> price(List<FareTap> taps, List<FareTap> earlier) {
        return price(taps);
    }
}
