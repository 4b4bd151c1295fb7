package org.faregate.protocol.wire;

import java.util.List;
import org.faregate.protocol.TapId;

/**
 * The gateway's answer to a batch: the taps it has durably committed (new or already known), which the
 * gate may now forget. Problems name taps that were stored but could not be priced, with a stable code.
 */
public record TapBatchAck(List<TapId> committed, List<Problem> problems) {

    public TapBatchAck {
        committed = List.copyOf(committed);
        problems = List.copyOf(problems);
    }

    public record Problem(TapId tapId, String code, String message) {
    }
}
