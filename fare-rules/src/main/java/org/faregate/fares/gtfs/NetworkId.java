package org.faregate.fares.gtfs;

/** The id of a route network (networks.network_id or routes.network_id). Never blank. */
public record NetworkId(String value) {

    public NetworkId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("NetworkId must not be blank");
        }
    }

    public static NetworkId of(String value) {
        return new NetworkId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
