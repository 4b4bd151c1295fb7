package org.faregate.fares;

import java.util.Currency;
import java.util.List;

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
 *       station the rules do not know (check {@link #knowsStation(String)} first).</li>
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
