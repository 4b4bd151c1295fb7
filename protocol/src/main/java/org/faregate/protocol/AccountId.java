package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A rider's wallet account at the gateway. */
public record AccountId(long value) {

    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("account id must be positive: " + value);
        }
    }

    @JsonCreator
    public static AccountId of(long value) {
        return new AccountId(value);
    }

    public static AccountId parse(String text) {
        return new AccountId(Long.parseLong(text.trim()));
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
