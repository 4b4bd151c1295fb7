package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Why a gate decided what it did: stable snake_case codes shared by gates, the gateway and reports.
 * The one table that maps them to rider display text lives with the gate.
 */
public enum Reason {
    ACCEPTED("accepted"),
    MALFORMED_TOKEN("malformed_token"),
    UNKNOWN_KEY("unknown_key"),
    BAD_SIGNATURE("bad_signature"),
    NOT_YET_VALID("not_yet_valid"),
    EXPIRED_CREDENTIAL("expired_credential"),
    EXPIRED_TOKEN("expired_token"),
    FUTURE_TOKEN("future_token"),
    OVER_LIMIT("over_limit"),
    DENIED_TOKEN("denied_token"),
    REPLAYED("replayed"),
    PASSBACK("passback"),
    CARD_ERROR("card_error"),
    UNSUPPORTED_CARD("unsupported_card");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean accepted() {
        return this == ACCEPTED;
    }

    @JsonCreator
    public static Reason parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown reason code: '" + code + "'"));
    }
}
