package org.faregate.fares;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Reads typed values from config entries and collects every problem instead of stopping at the first. */
final class ConfigReader {

    private final List<FareConfigProblem> problems = new ArrayList<>();

    void problem(int line, String key, String code, String message) {
        problems.add(new FareConfigProblem(line, key, code, message));
    }

    void problem(ConfigEntry entry, String code, String message) {
        problem(entry.line(), entry.key(), code, message);
    }

    void missing(String key, String message) {
        problem(0, key, "missing_key", message);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void throwIfAny() throws FareConfigException {
        if (hasProblems()) {
            List<FareConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(FareConfigProblem::line));
            throw new FareConfigException(sorted);
        }
    }

    /** A whole number from {@code min} to {@code max}, or empty after recording a problem. */
    Optional<Integer> integer(ConfigEntry entry, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(entry.value());
        } catch (NumberFormatException e) {
            problem(entry, "bad_number", "'" + entry.value() + "' is not a whole number");
            return Optional.empty();
        }
        if (value < min || value > max) {
            problem(entry, "out_of_range", "must be from " + min + " to " + max + ", was " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A non-negative amount with the currency's fraction digits. Without a currency (it is missing
     * or bad, already reported) only the decimal syntax and the sign are checked, and the result is empty.
     */
    Optional<Money> fare(ConfigEntry entry, Optional<Currency> currency) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(entry.value());
        } catch (NumberFormatException e) {
            problem(entry, "bad_amount", "'" + entry.value() + "' is not a decimal amount");
            return Optional.empty();
        }
        if (decimal.signum() < 0) {
            problem(entry, "negative_fare", "fare must not be negative, was " + entry.value());
            return Optional.empty();
        }
        if (currency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.parse(entry.value(), currency.get()));
        } catch (IllegalArgumentException e) {
            problem(entry, "bad_amount", e.getMessage());
            return Optional.empty();
        }
    }
}
