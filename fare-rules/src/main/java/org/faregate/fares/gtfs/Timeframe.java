package org.faregate.fares.gtfs;

import java.util.Objects;

/**
 * A row of timeframes.txt: on the days of {@code service}, local times in [start, end). Seconds of the day;
 * an empty start and end is the whole day [0, 86400).
 */
public record Timeframe(int line, TimeframeGroupId group, int startSecond, int endSecond, ServiceId service) {

    public Timeframe {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(service, "service");
        if (startSecond < 0 || endSecond > 86_400 || startSecond > endSecond) {
            throw new IllegalArgumentException("timeframe must lie in [00:00:00, 24:00:00] with start <= end");
        }
    }

    boolean contains(int secondOfDay) {
        return secondOfDay >= startSecond && secondOfDay < endSecond;
    }
}
