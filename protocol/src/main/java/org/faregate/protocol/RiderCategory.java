package org.faregate.protocol;

import java.util.Arrays;
import java.util.Optional;

/** Rider categories as carried in a credential: a one-byte code and a GTFS rider_category_id. */
public enum RiderCategory {
    ADULT(0, "adult"),
    CHILD(1, "child"),
    SENIOR(2, "senior"),
    STUDENT(3, "student"),
    DISABLED(4, "disabled");

    private final int code;
    private final String id;

    RiderCategory(int code, String id) {
        this.code = code;
        this.id = id;
    }

    public int code() {
        return code;
    }

    /** The rider_category_id used in fare rules and on the wire. */
    public String id() {
        return id;
    }

    public static Optional<RiderCategory> findByCode(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }

    public static Optional<RiderCategory> findById(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
