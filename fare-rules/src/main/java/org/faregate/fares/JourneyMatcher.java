package org.faregate.fares;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups chronologically sorted taps into journeys. An entry pairs only with the tap right after
 * it, and only if that tap is an exit: a rider who taps anything else in between has left the
 * paid area without tapping out. Every tap ends up in exactly one journey.
 */
final class JourneyMatcher {

    private final Duration maxJourney;

    JourneyMatcher(Duration maxJourney) {
        this.maxJourney = maxJourney;
    }

    /** The journeys, in order; {@code sorted} must be in {@link TapOrder#CHRONOLOGICAL} order. */
    List<Journey> match(List<FareTap> sorted) {
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            FareTap tap = sorted.get(i);
            FareTap next = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
            switch (tap.event()) {
                case BOARD -> journeys.add(new Journey(Journey.Kind.BOARD, tap, null));
                case EXIT -> journeys.add(new Journey(Journey.Kind.NO_ENTRY, tap, null));
                case ENTRY -> {
                    if (next != null && next.event() == TapEvent.EXIT) {
                        journeys.add(new Journey(withinLimit(tap, next), tap, next));
                        i++;
                    } else {
                        journeys.add(new Journey(Journey.Kind.NO_EXIT, tap, null));
                    }
                }
            }
        }
        return journeys;
    }

    /** A journey of exactly the maximum time is still complete. */
    private Journey.Kind withinLimit(FareTap entry, FareTap exit) {
        Duration took = Duration.between(entry.at(), exit.at());
        return took.compareTo(maxJourney) <= 0 ? Journey.Kind.COMPLETE : Journey.Kind.OVERLONG;
    }
}
