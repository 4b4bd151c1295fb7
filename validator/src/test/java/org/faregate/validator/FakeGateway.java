package org.faregate.validator;

import java.net.URI;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;

/** A gateway in memory: commits taps idempotently, serves a versioned deny list and a key list; can go offline. */
final class FakeGateway implements GatewayLink {

    private static final URI URI_BASE = URI.create("http://fake-gateway/");

    private final Map<TapId, TapRecord> committed = new LinkedHashMap<>();
    private final Map<TapId, Integer> deliveries = new LinkedHashMap<>();
    private final List<DenyChange> denyLog = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private volatile boolean online = true;
    private IssuerKeyList keys;
    private int commitLimit = Integer.MAX_VALUE;
    private boolean forgetHistory;

    FakeGateway(IssuerKeyList keys) {
        this.keys = keys;
    }

    void online(boolean value) {
        online = value;
    }

    synchronized void keys(IssuerKeyList value) {
        keys = value;
    }

    /** Commits at most this many taps of each batch (a gateway under load). */
    synchronized void commitLimit(int limit) {
        commitLimit = limit;
    }

    /** Answers deltas as if older versions were compacted away: every delta starts at the latest change. */
    synchronized void forgetHistory() {
        forgetHistory = true;
    }

    synchronized void deny(CredentialId id, boolean denied) {
        denyLog.add(new DenyChange(id, denied, denyLog.size() + 1L, denied ? "unpaid" : "paid"));
    }

    synchronized Map<TapId, TapRecord> committed() {
        return Map.copyOf(committed);
    }

    synchronized Map<TapId, Integer> deliveries() {
        return Map.copyOf(deliveries);
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public synchronized TapBatchAck sendTaps(TapBatch batch) throws GatewayException {
        requireOnline("v1/taps");
        batchSizes.add(batch.taps().size());
        List<TapId> ack = new ArrayList<>();
        for (TapRecord tap : batch.taps()) {
            if (ack.size() >= commitLimit) {
                break;
            }
            committed.putIfAbsent(tap.tapId(), tap);
            deliveries.merge(tap.tapId(), 1, Integer::sum);
            ack.add(tap.tapId());
        }
        return new TapBatchAck(ack, List.of());
    }

    @Override
    public synchronized DenyListDelta fetchDenyList(long sinceVersion) throws GatewayException {
        requireOnline("v1/deny-list?since=" + sinceVersion);
        long latest = denyLog.size();
        if (sinceVersion == 0) {
            Map<CredentialId, DenyChange> current = new LinkedHashMap<>();
            for (DenyChange change : denyLog) {
                if (change.denied()) {
                    current.put(change.credentialId(), change);
                } else {
                    current.remove(change.credentialId());
                }
            }
            return new DenyListDelta(0, latest, true, List.copyOf(current.values()));
        }
        long from = forgetHistory ? Math.max(sinceVersion, latest - 1) : sinceVersion;
        List<DenyChange> changes = denyLog.stream().filter(c -> c.version() > from).toList();
        return new DenyListDelta(from, Math.max(from, latest), false, changes);
    }

    @Override
    public synchronized IssuerKeyList fetchIssuerKeys() throws GatewayException {
        requireOnline("v1/issuer-keys");
        return keys;
    }

    private void requireOnline(String path) throws GatewayException {
        if (!online) {
            throw GatewayException.unreachable(URI_BASE.resolve(path), new ConnectException("Connection refused"));
        }
    }
}
