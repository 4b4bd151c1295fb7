package org.faregate.validator;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.faregate.protocol.GateId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.feed.FeedException;
import org.faregate.protocol.feed.KeyListSignatures;
import org.faregate.protocol.feed.DenyFeedHeader;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.decision.DenyBreaker;
import org.faregate.validator.decision.DenyList;
import org.faregate.validator.decision.TapDecider;
import org.faregate.validator.decision.TrustedKeys;
import org.faregate.validator.journal.TapJournal;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round with the gateway: deliver pending taps in batches until acknowledged, refresh the issuer keys
 * (a new list only when a trusted key signed it), pull the signed deny-list delta and note the clock drift. A step that fails is reported and retried next round; when the
 * gateway is unreachable the round stops there. Never on the decision path.
 */
final class GatewaySync {

    static final int BATCH_SIZE = 500;
    private static final Logger logger = LoggerFactory.getLogger(GatewaySync.class);

    private final GateId gateId;
    private final TapJournal journal;
    private final GatewayLink link;
    private final DenyList denyList;
    private final TapDecider decider;
    private final StateFiles state;
    private final InstantSource clock;
    private final ClockDrift drift;
    private IssuerKeyList currentKeys;
    private IssuerKeys trusted;

    GatewaySync(GateId gateId, TapJournal journal, GatewayLink link, DenyList denyList, TapDecider decider,
                StateFiles state, IssuerKeyList currentKeys, IssuerKeys trusted, InstantSource clock,
                ClockDrift drift) {
        this.gateId = gateId;
        this.journal = journal;
        this.link = link;
        this.denyList = denyList;
        this.decider = decider;
        this.state = state;
        this.currentKeys = currentKeys;
        this.trusted = trusted;
        this.clock = clock;
        this.drift = drift;
    }

    synchronized SyncReport run() {
        List<String> failures = new ArrayList<>();
        int[] delivered = {0};
        // Keys before the deny list: the list is signed, and after a rotation by a key learnt in the same round.
        boolean reachable = step(failures, () -> delivered[0] = deliverTaps())
                && step(failures, this::refreshKeys)
                && step(failures, () -> refreshDenyList(failures));
        if (!reachable) {
            logger.debug("Gateway unreachable, gate stays offline [gate={}, pending={}]", gateId,
                    journal.pendingCount());
        }
        return new SyncReport(delivered[0], journal.pendingCount(), denyList.version(), keyCount(), failures,
                drift.last());
    }

    synchronized int keyCount() {
        return currentKeys.keys().size();
    }

    /** Trusts a key list (from the gateway or an operator) and keeps it for the next cold start. */
    synchronized void trustKeys(IssuerKeyList keys) throws IOException {
        IssuerKeys parsed = TrustedKeys.from(keys);
        if (parsed.keys().isEmpty()) {
            throw new IllegalArgumentException("refusing an empty issuer key list: every token would be refused");
        }
        state.saveKeys(keys);
        decider.useKeys(parsed);
        currentKeys = keys;
        trusted = parsed;
    }

    private interface Step {
        void run() throws GatewayException, IOException, FeedException;
    }

    /** Runs one step; false when the gateway could not be reached (the round stops). */
    private boolean step(List<String> failures, Step step) {
        try {
            step.run();
            return true;
        } catch (GatewayException e) {
            failures.add(e.getMessage());
            return !e.unreachable();
        } catch (FeedException e) {
            logger.error("Gateway sent a deny list or key list this gate must not use; keeping what it has "
                    + "[gate={}]: {}", gateId, e.getMessage());
            failures.add(e.getMessage());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            logger.warn("Sync step failed [gate={}]: {}", gateId, e.getMessage());
            failures.add(e.getMessage());
            return true;
        }
    }

    private int deliverTaps() throws GatewayException {
        int delivered = 0;
        while (true) {
            List<TapRecord> batch = journal.pending(BATCH_SIZE);
            if (batch.isEmpty()) {
                return delivered;
            }
            TapBatchAck ack = link.sendTaps(new TapBatch(gateId, batch));
            Set<TapId> sent = new HashSet<>();
            batch.forEach(tap -> sent.add(tap.tapId()));
            List<TapId> committed = ack.committed().stream().filter(sent::contains).toList();
            journal.acknowledge(committed);
            delivered += committed.size();
            for (TapBatchAck.Problem problem : ack.problems()) {
                logger.info("Gateway stored a tap with a problem [gate={}, tap={}, code={}]", gateId,
                        problem.tapId(), problem.code());
            }
            logger.info("Taps delivered [gate={}, sent={}, committed={}]", gateId, batch.size(), committed.size());
            if (committed.size() < batch.size()) {
                return delivered;
            }
        }
    }

    private void refreshDenyList(List<String> failures) throws GatewayException, IOException, FeedException {
        long before = denyList.version();
        DenyFeedReceiver feed = fetchVerified(before);
        DenyList.Result result = feed.applyTo(denyList);
        if (result.outcome() == DenyList.Outcome.GAP) {
            logger.warn("Deny-list delta has a gap, fetching a snapshot [gate={}, have={}, from={}]", gateId,
                    before, feed.header().fromVersion());
            feed = fetchVerified(0);
            result = feed.applyTo(denyList);
        }
        DenyFeedHeader header = feed.header();
        if (result.outcome() == DenyList.Outcome.REFUSED) {
            String failure = DenyBreaker.REFUSED_CODE + ": " + (header.snapshot() ? "snapshot" : "delta")
                    + " to version " + header.toVersion() + " " + result.refusal().orElse("")
                    + "; the gate keeps version " + before;
            logger.error("Deny-list change refused by the sanity breaker, an operator must check the list "
                    + "[gate={}, have={}, offered={}, snapshot={}, newlyDenied={}, listSize={}]", gateId, before,
                    header.toVersion(), header.snapshot(), result.newlyDenied(), denyList.size());
            failures.add(failure);
        }
        if (denyList.version() != before) {
            state.saveDenyList(denyList);
            logger.info("Deny list updated [gate={}, version={}, denied={}, newlyDenied={}, lifted={}]", gateId,
                    denyList.version(), denyList.size(), result.newlyDenied(), result.lifted());
        }
    }

    /**
     * Fetches and checks one signed delta or snapshot: signed by a key the gate trusts, and not a snapshot older
     * than the list the gate has (an old signed snapshot replayed would lift later denials). The gateway's
     * signing time, taken against the middle of the request, is the gate's clock drift.
     */
    private DenyFeedReceiver fetchVerified(long sinceVersion) throws GatewayException, FeedException {
        DenyFeedReceiver feed = new DenyFeedReceiver();
        Instant sent = clock.instant();
        FeedSignature signature = link.fetchDenyList(sinceVersion, feed);
        Instant received = clock.instant();
        drift.observe(signature.header().issuedAt(), sent, received);
        signature.verify(trusted, received);
        DenyFeedHeader header = signature.header();
        if (header.snapshot() && header.toVersion() < denyList.version()) {
            throw new FeedException(FeedException.UNTRUSTED, "snapshot to version " + header.toVersion()
                    + " is older than the gate's deny list (version " + denyList.version() + ")");
        }
        return feed;
    }

    /**
     * Takes the gateway's key list when it changed and a key the gate trusts signed it (a gate that trusts no key
     * yet takes the first list it gets, and says so).
     */
    private void refreshKeys() throws GatewayException, IOException, FeedException {
        IssuerKeyList keys = link.fetchIssuerKeys();
        if (keys.keys().equals(currentKeys.keys())) {
            return;
        }
        if (currentKeys.keys().isEmpty()) {
            logger.warn("Gate had no issuer keys and trusts the gateway's list on first use; provision keys with "
                    + "--keys to avoid this [gate={}, keys={}]", gateId, keys.keys().size());
        } else {
            KeyListSignatures.verify(keys, trusted, clock.instant(), Optional.ofNullable(currentKeys.issuedAt()));
        }
        trustKeys(keys);
        logger.info("Issuer keys updated [gate={}, keys={}]", gateId, keys.keys().stream()
                .map(entry -> entry.keyId() + (entry.notAfter() == null ? "" : " until " + entry.notAfter())).toList());
    }
}
