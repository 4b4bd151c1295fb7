package org.faregate.fares.gtfs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Which dates a service runs on: calendar.txt weekly patterns, then calendar_dates.txt exceptions. */
public final class Services {

    /** A row of calendar.txt. */
    record Week(ServiceId service, Set<DayOfWeek> days, LocalDate start, LocalDate end) {
        Week {
            Objects.requireNonNull(service, "service");
            days = Set.copyOf(days);
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /** A row of calendar_dates.txt: {@code added} for exception_type 1, removed for 2. */
    record Exception(ServiceId service, LocalDate date, boolean added) {
        Exception {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(date, "date");
        }
    }

    private final Map<ServiceId, Week> weeks = new HashMap<>();
    private final Map<ServiceId, Map<LocalDate, Boolean>> exceptions = new HashMap<>();

    Services(List<Week> weekRows, List<Exception> exceptionRows) {
        for (Week week : weekRows) {
            weeks.put(week.service(), week);
        }
        for (Exception exception : exceptionRows) {
            exceptions.computeIfAbsent(exception.service(), s -> new HashMap<>())
                    .put(exception.date(), exception.added());
        }
    }

    public boolean isKnown(ServiceId service) {
        return weeks.containsKey(service) || exceptions.containsKey(service);
    }

    public boolean runsOn(ServiceId service, LocalDate date) {
        Boolean exception = exceptions.getOrDefault(service, Map.of()).get(date);
        if (exception != null) {
            return exception;
        }
        Week week = weeks.get(service);
        return week != null && !date.isBefore(week.start()) && !date.isAfter(week.end())
                && week.days().contains(date.getDayOfWeek());
    }
}
