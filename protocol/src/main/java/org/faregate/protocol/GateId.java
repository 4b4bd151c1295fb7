package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** One gate (turnstile reader), e.g. {@code S03-IN-2}: letters, digits, '-', '_' and '.', 1 to 64 characters. */
public record GateId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public GateId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("gate id must be 1-64 of [A-Za-z0-9._-]: '" + value + "'");
        }
    }

    @JsonCreator
    public static GateId of(String value) {
        return new GateId(value);
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
