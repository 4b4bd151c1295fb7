package org.faregate.fares.charging;

import java.time.LocalDate;
import java.util.Objects;

/** Service days {@code [start, end)} in which a cap counts what was charged. */
record CapWindow(LocalDate start, LocalDate end) {

    CapWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("empty cap window " + start + ".." + end);
        }
    }

    boolean contains(LocalDate serviceDay) {
        return !serviceDay.isBefore(start) && serviceDay.isBefore(end);
    }
}
