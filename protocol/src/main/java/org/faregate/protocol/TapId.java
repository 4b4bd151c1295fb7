package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/** The globally unique id a gate gives each tap; the gateway ingests idempotently by it. */
public record TapId(UUID value) {

    public TapId {
        Objects.requireNonNull(value, "value");
    }

    /** A random (version 4) UUID drawn from the given source. */
    public static TapId random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (bytes[i] & 0xff);
            lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
        }
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
