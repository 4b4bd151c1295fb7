package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/** The issuer's id of one credential (one phone or card). Deny lists are keyed on it, never on a signature. */
public record CredentialId(UUID value) {

    public CredentialId {
        Objects.requireNonNull(value, "value");
    }

    public static CredentialId random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return fromBytes(bytes, 0);
    }

    @JsonCreator
    public static CredentialId parse(String text) {
        return new CredentialId(UUID.fromString(text));
    }

    public static CredentialId fromBytes(byte[] bytes, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, 16);
        return new CredentialId(new UUID(buffer.getLong(), buffer.getLong()));
    }

    public void writeTo(ByteBuffer buffer) {
        buffer.putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
    }

    /** A shortened form for logs: whole card ids never go to a log. */
    public String masked() {
        String text = value.toString();
        return "…" + text.substring(text.length() - 6);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
