package org.faregate.fares;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Currency;

/** Test data builders: taps on one fixed day, times written "08:05" or "08:05:30" (UTC). */
final class Taps {

    static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant DAY = Instant.parse("2025-03-03T00:00:00Z");

    private Taps() {
    }

    static Instant at(String time) {
        return DAY.plusSeconds(LocalTime.parse(time).toSecondOfDay());
    }

    static FareTap entry(String id, String time, String station) {
        return new FareTap(id, at(time), station, TapEvent.ENTRY, "adult");
    }

    static FareTap exit(String id, String time, String station) {
        return new FareTap(id, at(time), station, TapEvent.EXIT, "adult");
    }

    static FareTap board(String id, String time, String station) {
        return new FareTap(id, at(time), station, TapEvent.BOARD, "adult");
    }

    /** The same tap for another rider category. */
    static FareTap as(String category, FareTap tap) {
        return new FareTap(tap.tapId(), tap.at(), tap.stationId(), tap.event(), category);
    }

    static Money cny(String amount) {
        return Money.parse(amount, CNY);
    }
}
