package org.faregate.gateway.ledger;

import java.util.Arrays;

/** What a ledger entry records. Fares are negative amounts, top-ups positive, adjustments either. */
public enum EntryKind {
    TOP_UP("top_up"),
    FARE("fare"),
    ADJUSTMENT("adjustment");

    private final String code;

    EntryKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static EntryKind parse(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ledger entry kind: '" + code + "'"));
    }
}
