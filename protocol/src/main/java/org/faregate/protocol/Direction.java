package org.faregate.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** Which way a gate lets riders through: into the paid area, out of it, or a validate-on-board reader. */
public enum Direction {
    ENTRY("entry"),
    EXIT("exit"),
    BOARD("board");

    private static final List<Direction> ALL = List.of(values());

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
        for (Direction direction : ALL) {
            if (direction.code.equals(code)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("unknown direction: '" + code + "'");
    }
}
