package org.faregate.fares.gtfs;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Whether an instant at a stop falls in a timeframe group: in the stop's local time, on the instant's own
 * local calendar day, some row of the group has a service running that day and [start, end) containing
 * the local time.
 */
final class TimeframeMatcher {

    private final FaresFeed feed;

    TimeframeMatcher(FaresFeed feed) {
        this.feed = feed;
    }

    boolean matches(TimeframeGroupId group, StopId stop, Instant instant) {
        ZonedDateTime local = instant.atZone(feed.timezoneOf(stop));
        int second = local.toLocalTime().toSecondOfDay();
        List<Timeframe> rows = feed.timeframes().getOrDefault(group, List.of());
        return rows.stream().anyMatch(row -> row.contains(second)
                && feed.services().runsOn(row.service(), local.toLocalDate()));
    }
}
