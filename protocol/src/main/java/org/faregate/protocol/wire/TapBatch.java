package org.faregate.protocol.wire;

import java.util.List;
import java.util.Objects;
import org.faregate.protocol.GateId;

/** Taps a gate sends together; resending a batch, whole or in part, changes nothing at the gateway. */
public record TapBatch(GateId gateId, List<TapRecord> taps) {

    public static final int MAX_TAPS = 1000;

    public TapBatch {
        Objects.requireNonNull(gateId, "gateId");
        taps = List.copyOf(taps);
        if (taps.size() > MAX_TAPS) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_TAPS + " taps, got " + taps.size());
        }
        for (int i = 0; i < taps.size(); i++) {
            if (!taps.get(i).gateId().equals(gateId)) {
                throw new IllegalArgumentException("taps[" + i + "] is from gate " + taps.get(i).gateId()
                        + ", not " + gateId);
            }
        }
    }
}
