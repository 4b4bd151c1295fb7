package org.faregate.fares.charging;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's settings from {@code faregate_settings.txt} (docs/fare-extensions.md).
 *
 * @param serviceDayCutover  local time at which a service day starts ({@code service_day_cutover})
 * @param defaultMaxJourney  maximum journey time for networks without their own ({@code default_max_journey_minutes})
 * @param stationNetworkId   the network of station taps that name no route ({@code station_network_id}), if any
 * @param unknownFare        what a journey costs when no fare rule matches it ({@code unknown_fare})
 * @param riderCategoryIds   an account's rider category (Faregate's {@code adult}, {@code child}, …) to the
 *                           feed's {@code rider_category_id}, where they differ ({@code rider_category.<id>})
 */
public record ChargingSettings(LocalTime serviceDayCutover, Duration defaultMaxJourney,
                               Optional<String> stationNetworkId, UnknownFarePolicy unknownFare,
                               Map<String, String> riderCategoryIds) {

    /** No rule matched: charge the network's maximum fare (with its explanation), or nothing (flagged). */
    public enum UnknownFarePolicy { MAXIMUM_FARE, ZERO }

    public ChargingSettings {
        Objects.requireNonNull(serviceDayCutover, "serviceDayCutover");
        Objects.requireNonNull(defaultMaxJourney, "defaultMaxJourney");
        Objects.requireNonNull(stationNetworkId, "stationNetworkId");
        Objects.requireNonNull(unknownFare, "unknownFare");
        if (defaultMaxJourney.isNegative() || defaultMaxJourney.isZero()) {
            throw new IllegalArgumentException("maximum journey time must be positive: " + defaultMaxJourney);
        }
        riderCategoryIds = Map.copyOf(riderCategoryIds);
    }

    /** Settings whose rider categories are the feed's own ids. */
    public ChargingSettings(LocalTime serviceDayCutover, Duration defaultMaxJourney, Optional<String> stationNetworkId,
                            UnknownFarePolicy unknownFare) {
        this(serviceDayCutover, defaultMaxJourney, stationNetworkId, unknownFare, Map.of());
    }

    /** The feed's rider_category_id for an account's category: mapped where a mapping is set, else itself. */
    public String feedRiderCategory(String accountCategory) {
        return riderCategoryIds.getOrDefault(accountCategory, accountCategory);
    }

    /** 04:00 cutover, 180-minute journeys, no station network, unknown fares at the maximum fare. */
    public static ChargingSettings defaults() {
        return new ChargingSettings(LocalTime.of(4, 0), Duration.ofMinutes(180), Optional.empty(),
                UnknownFarePolicy.MAXIMUM_FARE);
    }
}
