package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of one issuer signing key (an unsigned 32-bit number), so keys rotate without a cutover. */
public record KeyId(long value) {

    public KeyId {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("key id must fit in 32 unsigned bits: " + value);
        }
    }

    @JsonCreator
    public static KeyId of(long value) {
        return new KeyId(value);
    }

    @JsonValue
    public long jsonValue() {
        return value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
