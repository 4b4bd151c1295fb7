package org.faregate.fares;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The operator's service day: the calendar day a tap is priced in. Night service belongs to the
 * day before, so a tap before the cutover (local time, exclusive) counts for the previous date:
 * with cutover 04:00, 03:59:59 belongs to yesterday and 04:00:00 to today. The cutover is compared
 * with the local wall-clock time, so it keeps its meaning across daylight-saving changes.
 */
public final class ServiceDay {

    private ServiceDay() {
    }

    /**
     * The service day of an instant.
     *
     * @param at      when the tap happened
     * @param zone    the operator's time zone, from configuration
     * @param cutover local time at which a new service day starts; {@link LocalTime#MIDNIGHT}
     *                makes the service day the calendar day
     */
    public static LocalDate of(Instant at, ZoneId zone, LocalTime cutover) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(cutover, "cutover");
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(cutover) ? date.minusDays(1) : date;
    }
}
