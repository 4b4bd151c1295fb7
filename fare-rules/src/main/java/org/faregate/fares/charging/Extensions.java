package org.faregate.fares.charging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an operator adds to GTFS-Fares v2 for charging (the {@code faregate_*.txt} files of
 * docs/fare-extensions.md), keyed the way the charging parts use it.
 *
 * @param maxJourneyByNetwork   from {@code faregate_max_fares.txt} ({@code max_journey_minutes})
 * @param distanceFaresByNetwork from {@code faregate_distance_bands.txt} with {@code faregate_stop_distances.txt}
 * @param timeLimitsByNetwork   from {@code faregate_time_limits.txt}
 */
public record Extensions(ChargingSettings settings, List<Cap> caps, List<MaxFareRule> maxFares,
                         Map<String, Duration> maxJourneyByNetwork, Map<String, DistanceFare> distanceFaresByNetwork,
                         Map<String, TimeLimit> timeLimitsByNetwork, List<SpendTier> spendTiers) {

    public Extensions {
        Objects.requireNonNull(settings, "settings");
        caps = List.copyOf(caps);
        maxFares = List.copyOf(maxFares);
        maxJourneyByNetwork = Map.copyOf(maxJourneyByNetwork);
        distanceFaresByNetwork = Map.copyOf(distanceFaresByNetwork);
        timeLimitsByNetwork = Map.copyOf(timeLimitsByNetwork);
        spendTiers = List.copyOf(spendTiers);
    }

    /** A feed with no extension files: default settings and nothing else. */
    public static Extensions none() {
        return new Extensions(ChargingSettings.defaults(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), List.of());
    }
}
