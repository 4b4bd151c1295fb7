package org.faregate.fares.gtfs;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faregate.fares.Money;

/**
 * Typed reads of one row's fields. Each problem becomes a notice naming file, line and field, and marks the
 * row bad so the loader leaves it out ({@link #ok()}).
 */
final class Fields {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):([0-5]\\d):([0-5]\\d)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final CsvTable.Row row;
    private final Notices notices;
    private boolean ok = true;

    Fields(CsvTable.Row row, Notices notices) {
        this.row = row;
        this.notices = notices;
    }

    boolean ok() {
        return ok;
    }

    int line() {
        return row.line();
    }

    String file() {
        return row.file();
    }

    void problem(NoticeCode code, String field, String message) {
        notices.add(code, row.file(), row.line(), field, message);
        if (code.severity() == NoticeCode.Severity.ERROR) {
            ok = false;
        }
    }

    Optional<String> optional(String field) {
        String value = row.get(field);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    <T> Optional<T> optionalId(String field, Function<String, T> id) {
        return optional(field).map(id);
    }

    /** The value, or a placeholder after a {@code missing_required_field} notice (the row is then bad). */
    String required(String field) {
        String value = row.get(field);
        if (value.isEmpty()) {
            problem(NoticeCode.MISSING_REQUIRED_FIELD, field, "required value is empty");
            return "?";
        }
        return value;
    }

    Optional<Integer> integer(String field, int min, int max) {
        Optional<String> text = optional(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            problem(NoticeCode.INVALID_INTEGER, field, "'" + text.get() + "' is not an integer");
            return Optional.empty();
        }
        if (value < min || value > max) {
            problem(NoticeCode.NUMBER_OUT_OF_RANGE, field, value + " is outside " + min + ".." + max);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** An enum field: a problem is {@code unexpected_enum_value}. */
    Optional<Integer> enumValue(String field, int max) {
        Optional<String> text = optional(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= 0 && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(NoticeCode.UNEXPECTED_ENUM_VALUE, field, "'" + text.get() + "' is not one of 0.." + max);
        return Optional.empty();
    }

    /** A required text field that must be one of {@code values}' keys: a problem is {@code unexpected_enum_value}. */
    <T> Optional<T> oneOf(String field, java.util.Map<String, T> values) {
        String text = row.get(field);
        if (text.isEmpty()) {
            required(field);
            return Optional.empty();
        }
        T value = values.get(text);
        if (value == null) {
            problem(NoticeCode.UNEXPECTED_ENUM_VALUE, field, "'" + text + "' is not one of "
                    + values.keySet().stream().sorted().toList());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A required amount that must not be negative ({@code number_out_of_range}). */
    Optional<Money> nonNegativeAmount(String field, Optional<Currency> currency) {
        Optional<Money> amount = amount(field, currency);
        if (amount.isPresent() && amount.get().isNegative()) {
            problem(NoticeCode.NUMBER_OUT_OF_RANGE, field, amount.get() + " must not be negative");
            return Optional.empty();
        }
        return amount;
    }

    Optional<Currency> currency(String field) {
        String code = required(field);
        try {
            return ok ? Optional.of(Currency.getInstance(code)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            problem(NoticeCode.INVALID_CURRENCY, field, "'" + code + "' is not an ISO 4217 currency code");
            return Optional.empty();
        }
    }

    Optional<Money> amount(String field, Optional<Currency> currency) {
        String text = required(field);
        if (!ok || currency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.parse(text, currency.get()));
        } catch (IllegalArgumentException e) {
            problem(NoticeCode.INVALID_CURRENCY_AMOUNT, field, e.getMessage());
            return Optional.empty();
        }
    }

    /** A GTFS time H:MM:SS as seconds; at most {@code maxSeconds}. */
    Optional<Integer> time(String field, int maxSeconds) {
        Optional<String> text = optional(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = TIME.matcher(text.get());
        if (!matcher.matches()) {
            problem(NoticeCode.INVALID_TIME, field, "'" + text.get() + "' is not a time HH:MM:SS");
            return Optional.empty();
        }
        int seconds = Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
                + Integer.parseInt(matcher.group(3));
        if (seconds > maxSeconds) {
            problem(NoticeCode.TIMEFRAME_START_OR_END_TIME_GREATER_THAN_TWENTY_FOUR_HOURS, field,
                    "'" + text.get() + "' is after 24:00:00");
            return Optional.empty();
        }
        return Optional.of(seconds);
    }

    Optional<LocalDate> date(String field) {
        String text = required(field);
        if (!ok) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DATE));
        } catch (DateTimeParseException e) {
            problem(NoticeCode.INVALID_DATE, field, "'" + text + "' is not a date YYYYMMDD");
            return Optional.empty();
        }
    }

    Optional<ZoneId> timezone(String field) {
        Optional<String> text = optional(field);
        try {
            return text.map(ZoneId::of);
        } catch (DateTimeException e) {
            problem(NoticeCode.INVALID_TIMEZONE, field, "'" + text.get() + "' is not a tz database timezone");
            return Optional.empty();
        }
    }
}
