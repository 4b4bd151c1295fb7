package org.faregate.validator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.feed.FeedException;
import org.faregate.protocol.feed.KeyListSignatures;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;
import org.faregate.validator.testing.TestTokens;

/**
 * A gateway in memory: commits taps idempotently, serves a versioned deny list (signed, through the real feed
 * format) and a signed key list; can go offline.
 */
final class FakeGateway implements GatewayLink {

    private static final URI URI_BASE = URI.create("http://fake-gateway/");

    private final Map<TapId, TapRecord> committed = new LinkedHashMap<>();
    private final Map<TapId, Integer> deliveries = new LinkedHashMap<>();
    private final List<DenyChange> denyLog = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final InstantSource clock;
    private volatile boolean online = true;
    private IssuerKeyList keys;
    private Map<KeyId, SigningKey> signers;
    private KeyId denySigner;
    private SigningKey denyKey;
    private int commitLimit = Integer.MAX_VALUE;
    private boolean forgetHistory;
    private Duration clockOffset = Duration.ZERO;

    /** Publishes the test issuer key and signs with it, as a gateway does. */
    FakeGateway(TestTokens tokens, InstantSource clock) {
        this.clock = clock;
        keys(tokens.keyList(), Map.of(TestTokens.KEY_ID, tokens.issuerKey));
        signDenyListWith(TestTokens.KEY_ID, tokens.issuerKey);
    }

    void online(boolean value) {
        online = value;
    }

    /** Publishes {@code value} signed by each of {@code listSigners}. */
    synchronized void keys(IssuerKeyList value, Map<KeyId, SigningKey> listSigners) {
        keys = value;
        signers = Map.copyOf(listSigners);
    }

    synchronized void signDenyListWith(KeyId id, SigningKey key) {
        denySigner = id;
        denyKey = key;
    }

    /** The gateway's clock runs this far ahead of the test clock. */
    synchronized void clockOffset(Duration offset) {
        clockOffset = offset;
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

    /** Forgets deny-list changes after {@code version}, like a gateway restored from an old backup. */
    synchronized void restoreDenyLog(int version) {
        denyLog.subList(version, denyLog.size()).clear();
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
    public synchronized FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) throws GatewayException {
        requireOnline("v1/deny-list?since=" + sinceVersion);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            // Through the real binary feed format, as the HTTP link reads it.
            DenyListCodec.write(delta(sinceVersion), clock.instant().plus(clockOffset), denySigner, denyKey, bytes);
            return DenyListCodec.read(new ByteArrayInputStream(bytes.toByteArray()), sink);
        } catch (IOException e) {
            throw new AssertionError("the fake gateway's own feed does not read back", e);
        } catch (FeedException e) {
            throw GatewayException.answered(URI_BASE.resolve("v1/deny-list"), 200, e.getMessage(), e);
        }
    }

    private DenyListDelta delta(long sinceVersion) {
        long latest = denyLog.size();
        if (sinceVersion == 0 || sinceVersion > latest) {
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
        return KeyListSignatures.sign(keys, clock.instant().plus(clockOffset), signers);
    }

    private void requireOnline(String path) throws GatewayException {
        if (!online) {
            throw GatewayException.unreachable(URI_BASE.resolve(path), new ConnectException("Connection refused"));
        }
    }
}
