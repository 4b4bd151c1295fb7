package org.faregate.fares.charging;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The window a cap counts spending in, in service days (a day starts at the operator's cutover hour).
 * Calendar periods are fixed; rolling periods start on the service day of the first tap that the cap
 * applies to and last a whole number of service days (OMNY's 7 days "from the first tap" end at the
 * cutover after the 7th day, not 168 hours later).
 */
public enum CapPeriod {
    DAY("day", "daily"),
    /** Calendar week, Monday to Sunday (London). */
    WEEK("week", "weekly"),
    /** Seven service days from the first tap (OMNY). */
    ROLLING_7D("rolling_7d", "7-day"),
    /** Calendar month. */
    MONTH("month", "monthly"),
    /** 31 service days from the first tap (Littlepay). */
    ROLLING_31D("rolling_31d", "31-day");

    private final String code;
    private final String adjective;

    CapPeriod(String code, String adjective) {
        this.code = code;
        this.adjective = adjective;
    }

    /** The code in {@code faregate_caps.txt}. */
    public String code() {
        return code;
    }

    String adjective() {
        return adjective;
    }

    /** The window that opens on {@code serviceDay} when no window of this cap is open on it. */
    CapWindow windowFrom(LocalDate serviceDay) {
        return switch (this) {
            case DAY -> new CapWindow(serviceDay, serviceDay.plusDays(1));
            case WEEK -> {
                LocalDate monday = serviceDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new CapWindow(monday, monday.plusDays(7));
            }
            case ROLLING_7D -> new CapWindow(serviceDay, serviceDay.plusDays(7));
            case MONTH -> {
                LocalDate first = serviceDay.withDayOfMonth(1);
                yield new CapWindow(first, first.plusMonths(1));
            }
            case ROLLING_31D -> new CapWindow(serviceDay, serviceDay.plusDays(31));
        };
    }
}
