package org.faregate.fares.gtfs;

/** The id of a route (routes.route_id). Never blank. */
public record RouteId(String value) {

    public RouteId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("RouteId must not be blank");
        }
    }

    public static RouteId of(String value) {
        return new RouteId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
