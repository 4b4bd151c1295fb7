package org.faregate.validator.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.faregate.protocol.TapId;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.feed.FeedException;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.link.GatewayLink;

/**
 * A gateway that does nothing worth measuring: it commits every tap it is sent, never changes the deny
 * list (an empty signed delta) and serves one key list. Only the benchmarks' untimed iteration setup syncs
 * through it.
 */
final class NoOpGatewayLink implements GatewayLink {

    private final BenchTokens tokens;

    NoOpGatewayLink(BenchTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public TapBatchAck sendTaps(TapBatch batch) {
        List<TapId> committed = batch.taps().stream().map(TapRecord::tapId).toList();
        return new TapBatchAck(committed, List.of());
    }

    @Override
    public FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) {
        ByteArrayOutputStream feed = new ByteArrayOutputStream();
        try {
            DenyListCodec.write(new DenyListDelta(sinceVersion, sinceVersion, false, List.of()), BenchTokens.T0,
                    BenchTokens.KEY_ID, tokens.issuerKey, feed);
            return DenyListCodec.read(new ByteArrayInputStream(feed.toByteArray()), sink);
        } catch (IOException | FeedException e) {
            throw new IllegalStateException("the no-op gateway's own feed does not read back", e);
        }
    }

    @Override
    public IssuerKeyList fetchIssuerKeys() {
        return tokens.keyList();
    }
}
