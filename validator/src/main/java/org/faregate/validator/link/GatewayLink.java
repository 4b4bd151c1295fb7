package org.faregate.validator.link;

import org.faregate.protocol.feed.SignedDenyList;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;

/** The gate's only way to the back office. Never on the decision path: only sync uses it. */
public interface GatewayLink {

    /** Delivers taps; the answer names those the gateway has committed. Resending is harmless. */
    TapBatchAck sendTaps(TapBatch batch) throws GatewayException;

    /**
     * The deny-list changes after {@code sinceVersion} (0 asks for a full snapshot), as the gateway signed them;
     * the caller checks the signature before using them.
     */
    SignedDenyList fetchDenyList(long sinceVersion) throws GatewayException;

    IssuerKeyList fetchIssuerKeys() throws GatewayException;
}
