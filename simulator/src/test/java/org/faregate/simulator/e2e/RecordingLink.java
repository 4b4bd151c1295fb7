package org.faregate.simulator.e2e;

import java.util.ArrayList;
import java.util.List;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;

/** A gate's link that remembers every tap batch the gateway acknowledged, with its acknowledgement, to replay it. */
final class RecordingLink implements GatewayLink {

    /** A batch exactly as the gate sent it and the answer it got. */
    record Exchange(TapBatch batch, TapBatchAck ack) {
    }

    private final GatewayLink link;
    private final List<Exchange> exchanges = new ArrayList<>();

    RecordingLink(GatewayLink link) {
        this.link = link;
    }

    @Override
    public synchronized TapBatchAck sendTaps(TapBatch batch) throws GatewayException {
        TapBatchAck ack = link.sendTaps(batch);
        exchanges.add(new Exchange(batch, ack));
        return ack;
    }

    @Override
    public FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) throws GatewayException {
        return link.fetchDenyList(sinceVersion, sink);
    }

    @Override
    public IssuerKeyList fetchIssuerKeys() throws GatewayException {
        return link.fetchIssuerKeys();
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }
}
