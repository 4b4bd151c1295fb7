package org.faregate.validator.bench;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import org.faregate.protocol.TapId;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;

/**
 * A gateway that does nothing worth measuring: it commits every tap it is sent, never serves a deny
 * list and serves one key list. Only the benchmarks' untimed iteration setup syncs through it.
 */
final class NoOpGatewayLink implements GatewayLink {

    private final IssuerKeyList keys;

    NoOpGatewayLink(IssuerKeyList keys) {
        this.keys = keys;
    }

    @Override
    public TapBatchAck sendTaps(TapBatch batch) {
        List<TapId> committed = batch.taps().stream().map(TapRecord::tapId).toList();
        return new TapBatchAck(committed, List.of());
    }

    /** The deny list never changes here: the feed is simply not reachable. */
    @Override
    public FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) throws GatewayException {
        throw GatewayException.unreachable(URI.create("http://no-op/v1/deny-list"), new ConnectException("no deny list"));
    }

    @Override
    public IssuerKeyList fetchIssuerKeys() {
        return keys;
    }
}
