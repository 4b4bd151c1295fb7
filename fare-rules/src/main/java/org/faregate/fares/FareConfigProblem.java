package org.faregate.fares;

import java.util.Objects;

/**
 * One problem found in a fare configuration text.
 *
 * @param line    1-based line number; 0 when the problem is a key missing from the whole text
 * @param key     the key concerned, as written (for a line without {@code '='}, the line's text)
 * @param code    stable snake_case code, e.g. {@code unknown_key}, {@code duplicate_key},
 *                {@code missing_key}, {@code bad_number}, {@code bad_amount}, {@code negative_fare},
 *                {@code out_of_range}, {@code zone_fare_gap}
 * @param message what is wrong, for people
 */
public record FareConfigProblem(int line, String key, String code, String message) {

    public FareConfigProblem {
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative, was " + line);
        }
        Objects.requireNonNull(key, "key");
        FareTap.requireNonBlank(code, "code");
        FareTap.requireNonBlank(message, "message");
    }

    @Override
    public String toString() {
        return (line == 0 ? "missing" : "line " + line) + ", key '" + key + "': " + message + " [" + code + "]";
    }
}
