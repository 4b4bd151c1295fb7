package org.faregate.fares;

import java.util.Objects;

/**
 * A group of one or two consecutive taps that a tap-in/tap-out fare prices together.
 *
 * @param kind  how the taps were matched
 * @param first the entry, the lone exit ({@link Kind#NO_ENTRY}) or the board tap
 * @param exit  the exit of a {@link Kind#COMPLETE} or {@link Kind#OVERLONG} journey, else null
 */
record Journey(Kind kind, FareTap first, FareTap exit) {

    enum Kind {
        /** An entry followed by an exit within the maximum journey time. */
        COMPLETE,
        /** An entry followed by an exit later than the maximum journey time. */
        OVERLONG,
        /** An entry whose next tap is not an exit, or that is the last tap. */
        NO_EXIT,
        /** An exit not preceded by an entry. */
        NO_ENTRY,
        /** A validate-on-board tap. */
        BOARD
    }

    Journey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(first, "first");
        boolean paired = kind == Kind.COMPLETE || kind == Kind.OVERLONG;
        if (paired != (exit != null)) {
            throw new IllegalArgumentException(kind + " journey " + (paired ? "needs" : "has no") + " exit");
        }
    }
}
