package org.faregate.protocol.wire;

/** Every HTTP error: a stable snake_case code and a message that says what and where. */
public record ErrorBody(String code, String message) {
}
