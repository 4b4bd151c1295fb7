package org.faregate.fares.gtfs;

/** The id of a service (calendar.service_id or calendar_dates.service_id). Never blank. */
public record ServiceId(String value) {

    public ServiceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ServiceId must not be blank");
        }
    }

    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
