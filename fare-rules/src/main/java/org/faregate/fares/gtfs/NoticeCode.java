package org.faregate.fares.gtfs;

/**
 * Stable snake_case codes of the problems a feed can have, each with its severity. The codes follow
 * MobilityData's gtfs-validator where it has one; never rename a code, add a new one instead.
 */
public enum NoticeCode {
    MISSING_REQUIRED_FILE(Severity.ERROR),
    MISSING_REQUIRED_COLUMN(Severity.ERROR),
    MISSING_REQUIRED_FIELD(Severity.ERROR),
    DUPLICATED_COLUMN(Severity.ERROR),
    CSV_PARSING_FAILED(Severity.ERROR),
    INVALID_ROW_LENGTH(Severity.ERROR),
    INVALID_CURRENCY(Severity.ERROR),
    INVALID_CURRENCY_AMOUNT(Severity.ERROR),
    INVALID_INTEGER(Severity.ERROR),
    NUMBER_OUT_OF_RANGE(Severity.ERROR),
    UNEXPECTED_ENUM_VALUE(Severity.ERROR),
    INVALID_TIME(Severity.ERROR),
    INVALID_DATE(Severity.ERROR),
    INVALID_TIMEZONE(Severity.ERROR),
    DUPLICATE_KEY(Severity.ERROR),
    FOREIGN_KEY_VIOLATION(Severity.ERROR),
    TIMEFRAME_ONLY_START_OR_END_TIME_SPECIFIED(Severity.ERROR),
    TIMEFRAME_START_OR_END_TIME_GREATER_THAN_TWENTY_FOUR_HOURS(Severity.ERROR),
    FARE_TRANSFER_RULE_MISSING_TRANSFER_COUNT(Severity.ERROR),
    FARE_TRANSFER_RULE_WITH_FORBIDDEN_TRANSFER_COUNT(Severity.ERROR),
    FARE_TRANSFER_RULE_INVALID_TRANSFER_COUNT(Severity.ERROR),
    FARE_TRANSFER_RULE_DURATION_LIMIT_WITHOUT_TYPE(Severity.ERROR),
    FARE_TRANSFER_RULE_DURATION_LIMIT_TYPE_WITHOUT_DURATION_LIMIT(Severity.ERROR),
    /** Faregate extensions: rows that must agree (one cap_id, one distance_fare_id, a stop pair both ways) do not. */
    CONFLICTING_ROWS(Severity.ERROR),
    /** Faregate extensions: a distance band does not start where the previous one of its formula ended. */
    DISTANCE_BAND_GAP(Severity.ERROR),
    /** Faregate extensions: a distance band is malformed (first row, steps, end). */
    INVALID_DISTANCE_BAND(Severity.ERROR),
    /** Faregate extensions: an amount in another currency than the first one of the extension files. */
    MIXED_CURRENCIES(Severity.ERROR),
    LEADING_OR_TRAILING_WHITESPACES(Severity.WARNING),
    /** Faregate extensions: a {@code setting_id} of faregate_settings.txt that Faregate does not know. */
    UNKNOWN_SETTING(Severity.WARNING),
    /** Faregate extensions: a cap row leaves a scope field empty that another row of its cap_id sets. */
    MIXED_CAP_SCOPE(Severity.WARNING),
    EMPTY_FILE(Severity.WARNING),
    UNKNOWN_COLUMN(Severity.INFO),
    UNKNOWN_FILE(Severity.INFO);

    /** How bad a notice is: an error refuses the feed, a warning or info does not. */
    public enum Severity { ERROR, WARNING, INFO }

    private final Severity severity;

    NoticeCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The stable code as printed, e.g. {@code foreign_key_violation}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
