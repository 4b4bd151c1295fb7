package org.faregate.fares.charging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.faregate.fares.TapEvent;

/**
 * Groups all taps of one account (any credential) into journeys. The taps are sorted by time, then
 * tap id, so the order of arrival never matters. An entry pairs only with the tap right after it, and
 * only if that tap is an exit of the same network: a rider who taps anything else in between left the
 * paid area without tapping out. A pair that took longer than the network's maximum journey time is
 * {@link Journey.Overlong}; exactly the maximum is still complete. Repricing after a late exit needs no
 * special case: pair the whole period's taps again.
 */
public final class JourneyPairing {

    private final Duration defaultMaximum;
    private final Map<String, Duration> maximumByNetwork;

    private JourneyPairing(Duration defaultMaximum, Map<String, Duration> maximumByNetwork) {
        this.defaultMaximum = requirePositive(defaultMaximum, "default maximum journey time");
        maximumByNetwork.forEach((network, maximum) -> {
            Ids.requireNonBlank(network, "networkId");
            requirePositive(maximum, "maximum journey time of " + network);
        });
        this.maximumByNetwork = Map.copyOf(maximumByNetwork);
    }

    /** One maximum journey time for every network, with per-network exceptions. */
    public static JourneyPairing of(Duration defaultMaximum, Map<String, Duration> maximumByNetwork) {
        return new JourneyPairing(defaultMaximum, maximumByNetwork);
    }

    /** The journeys in time order of their first tap; throws on duplicate tap ids. */
    public List<Journey> pair(List<Tap> taps) {
        List<Tap> sorted = sortedWithoutDuplicates(taps);
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Tap tap = sorted.get(i);
            Tap next = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
            switch (tap.event()) {
                case BOARD -> journeys.add(new Journey.Board(tap));
                case EXIT -> journeys.add(new Journey.MissingEntry(tap));
                case ENTRY -> {
                    if (next != null && next.event() == TapEvent.EXIT && next.networkId().equals(tap.networkId())) {
                        journeys.add(withinMaximum(tap, next)
                                ? new Journey.Complete(tap, next) : new Journey.Overlong(tap, next));
                        i++;
                    } else {
                        journeys.add(new Journey.MissingExit(tap));
                    }
                }
            }
        }
        return journeys;
    }

    /** The maximum journey time of a network: its own, else the default. */
    public Duration maximumFor(String networkId) {
        Ids.requireNonBlank(networkId, "networkId");
        return maximumByNetwork.getOrDefault(networkId, defaultMaximum);
    }

    private boolean withinMaximum(Tap entry, Tap exit) {
        return Duration.between(entry.at(), exit.at()).compareTo(maximumFor(entry.networkId())) <= 0;
    }

    static List<Tap> sortedWithoutDuplicates(List<Tap> taps) {
        Objects.requireNonNull(taps, "taps");
        Set<String> seen = new HashSet<>();
        for (Tap tap : taps) {
            Objects.requireNonNull(tap, "tap");
            if (!seen.add(tap.tapId())) {
                throw new IllegalArgumentException("duplicate tap id '" + tap.tapId() + "'");
            }
        }
        List<Tap> sorted = new ArrayList<>(taps);
        sorted.sort(Tap.CHRONOLOGICAL);
        return sorted;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
