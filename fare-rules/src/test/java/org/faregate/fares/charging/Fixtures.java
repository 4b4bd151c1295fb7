package org.faregate.fares.charging;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;

/** Test data builders: taps and fares on Monday 2025-03-03 (UTC unless a zone is given), times "08:05". */
final class Fixtures {

    static final Currency CNY = Currency.getInstance("CNY");
    static final ZoneId UTC = ZoneId.of("UTC");
    static final LocalTime FOUR = LocalTime.of(4, 0);
    static final String METRO = "metro";
    static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    private Fixtures() {
    }

    static Instant at(String time) {
        return MONDAY.plusSeconds(LocalTime.parse(time).toSecondOfDay());
    }

    /** {@code day} days after Monday 2025-03-03 at {@code time}. */
    static Instant at(int day, String time) {
        return at(time).plusSeconds(86_400L * day);
    }

    static Tap tap(String id, Instant at, String stop, String network, TapEvent event) {
        return new Tap(id, at, stop, network, event, "card-1");
    }

    static Tap entry(String id, String time, String stop) {
        return tap(id, at(time), stop, METRO, TapEvent.ENTRY);
    }

    static Tap exit(String id, String time, String stop) {
        return tap(id, at(time), stop, METRO, TapEvent.EXIT);
    }

    static Tap board(String id, String time, String stop) {
        return tap(id, at(time), stop, "bus", TapEvent.BOARD);
    }

    static Money cny(String amount) {
        return Money.parse(amount, CNY);
    }

    static Money money(String amount, String currency) {
        return Money.parse(amount, Currency.getInstance(currency));
    }

    /** An adult metro fare that counts towards caps. */
    static CapEntry fare(String id, Instant at, Money fare) {
        return new CapEntry(id, at, fare, "adult", METRO, Set.of(), true);
    }
}
