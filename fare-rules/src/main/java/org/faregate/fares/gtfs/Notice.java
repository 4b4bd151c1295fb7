package org.faregate.fares.gtfs;

import java.util.Objects;

/**
 * One problem found in a feed, naming where it is.
 *
 * @param code    the stable code, which carries the severity
 * @param file    the file name, e.g. {@code fare_products.txt}
 * @param line    1-based line of the file (the header is line 1); 0 when the notice concerns the whole file
 * @param field   the column concerned, or empty when none
 * @param message what is wrong, for people
 */
public record Notice(NoticeCode code, String file, int line, String field, String message) {

    public Notice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative, was " + line);
        }
    }

    public NoticeCode.Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return code.severity() == NoticeCode.Severity.ERROR;
    }

    /** {@code file:line field code message}, the form the CLI prints. */
    @Override
    public String toString() {
        return file + ":" + line + (field.isEmpty() ? "" : " " + field) + " " + code.code() + " " + message;
    }
}
