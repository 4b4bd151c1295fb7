package org.faregate.validator.link;

import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;

/** The gate's only way to the back office. Never on the decision path: only sync uses it. */
public interface GatewayLink {

    /** Delivers taps; the answer names those the gateway has committed. Resending is harmless. */
    TapBatchAck sendTaps(TapBatch batch) throws GatewayException;

    /**
     * Streams the deny-list changes after {@code sinceVersion} (0 asks for a full snapshot) into {@code sink}
     * as they arrive; returns the gateway's signature, which the caller checks before using what the sink got.
     */
    FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) throws GatewayException;

    IssuerKeyList fetchIssuerKeys() throws GatewayException;
}
