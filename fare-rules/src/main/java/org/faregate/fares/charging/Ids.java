package org.faregate.fares.charging;

import java.util.Objects;
import java.util.Set;

/** Checks for the ids and id sets that charging values carry. */
final class Ids {

    private Ids() {
    }

    static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** An immutable copy of a set of non-blank ids. */
    static Set<String> copyOf(Set<String> ids, String name) {
        Objects.requireNonNull(ids, name);
        for (String id : ids) {
            requireNonBlank(id, name + " element");
        }
        return Set.copyOf(ids);
    }
}
