package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Which way a gate lets riders through: into the paid area, out of it, or a validate-on-board reader. */
public enum Direction {
    ENTRY("entry"),
    EXIT("exit"),
    BOARD("board");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Direction parse(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown direction: '" + code + "'"));
    }
}
