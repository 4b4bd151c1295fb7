package org.faregate.simulator.city;

import java.net.URI;
import java.util.Objects;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;

/**
 * A gate's network as faults shape it: up, down (nothing gets through), or losing answers (the batch
 * reaches the gateway but the acknowledgement never comes back, so the gate must resend it).
 */
public final class FlakyLink implements GatewayLink {

    public enum Mode { UP, DOWN, LOSING_ACKS }

    private final GatewayLink link;
    private final URI uri;
    private volatile Mode mode = Mode.UP;
    private long lostAcks;

    public FlakyLink(GatewayLink link, URI uri) {
        this.link = Objects.requireNonNull(link, "link");
        this.uri = uri;
    }

    public void set(Mode mode) {
        this.mode = mode;
    }

    public synchronized long lostAcks() {
        return lostAcks;
    }

    @Override
    public TapBatchAck sendTaps(TapBatch batch) throws GatewayException {
        requireUp();
        TapBatchAck ack = link.sendTaps(batch);
        if (mode == Mode.LOSING_ACKS) {
            synchronized (this) {
                lostAcks++;
            }
            throw GatewayException.unreachable(uri, new java.io.IOException("simulated: answer lost on the way back"));
        }
        return ack;
    }

    @Override
    public FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) throws GatewayException {
        requireUp();
        return link.fetchDenyList(sinceVersion, sink);
    }

    @Override
    public IssuerKeyList fetchIssuerKeys() throws GatewayException {
        requireUp();
        return link.fetchIssuerKeys();
    }

    private void requireUp() throws GatewayException {
        if (mode == Mode.DOWN) {
            throw GatewayException.unreachable(uri, new java.net.ConnectException("simulated: network down"));
        }
    }
}
