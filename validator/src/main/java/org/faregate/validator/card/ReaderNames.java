package org.faregate.validator.card;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which of the listed PC/SC readers belong to this gate: all of them, or those with the configured names.
 *
 * @param names the readers' exact names; empty means every reader
 */
public record ReaderNames(List<String> names) {

    private static final String ALL = "all";

    public ReaderNames {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        for (String name : names) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("reader names must not be blank");
            }
        }
    }

    public static ReaderNames all() {
        return new ReaderNames(List.of());
    }

    /** {@code all}, or reader names separated by commas, e.g. {@code "Virtual PCD 00 00,Virtual PCD 00 01"}. */
    public static ReaderNames parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.strip().equals(ALL)) {
            return all();
        }
        List<String> names = Arrays.stream(text.split(",")).map(String::strip).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("reader list '" + text + "' has an empty name; give 'all' or names"
                    + " separated by commas");
        }
        return new ReaderNames(names);
    }

    public boolean includes(String readerName) {
        return names.isEmpty() || names.contains(readerName);
    }

    @Override
    public String toString() {
        return names.isEmpty() ? ALL : String.join(",", names);
    }
}
