package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The globally unique id a gate gives each tap; the gateway ingests idempotently by it. */
public record TapId(UUID value) {

    public TapId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A time-ordered (version 7, RFC 9562) UUID for a tap made at {@code at}: 48 bits of Unix milliseconds,
     * then 74 random bits from the given source. Ids of taps made one after another sort one after another,
     * so the gateway's indexes on tap ids grow at their end instead of at random pages (as version 4 ids
     * did); the id stays unique by its random bits and reveals no more than the tap's own time.
     */
    public static TapId timeOrdered(Instant at, SecureRandom random) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("a tap time must fall between 1970 and the year 10889: " + at);
        }
        long msb = (millis << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new TapId(new UUID(msb, lsb));
    }

    @JsonCreator
    public static TapId parse(String text) {
        return new TapId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
