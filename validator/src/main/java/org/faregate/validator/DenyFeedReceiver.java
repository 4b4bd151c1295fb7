package org.faregate.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.feed.DenyFeedHeader;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedException;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.validator.decision.DenyList;

/**
 * Receives one deny-list feed message for the gate: a snapshot straight into the deny list's compact form, a
 * delta as a list of changes. Applied only after the caller has checked the feed's signature.
 */
final class DenyFeedReceiver implements DenyFeedSink {

    private static final int DELTA_PRESIZE_LIMIT = 1 << 16;

    private DenyFeedHeader header;
    private DenyList.Snapshot snapshot;
    private List<DenyChange> changes;

    @Override
    public void begin(DenyFeedHeader value) {
        header = value;
        if (value.snapshot()) {
            snapshot = new DenyList.Snapshot();
        } else {
            changes = new ArrayList<>(Math.min(value.count(), DELTA_PRESIZE_LIMIT));
        }
    }

    @Override
    public void entry(long most, long least, long version, boolean denied) throws FeedException {
        if (snapshot == null) {
            changes.add(new DenyChange(new CredentialId(new UUID(most, least)), denied, version, ""));
        } else if (denied) {
            try {
                snapshot.add(most, least);
            } catch (IllegalArgumentException e) {
                throw new FeedException(FeedException.MALFORMED, e.getMessage(), e);
            }
        }
    }

    DenyFeedHeader header() {
        return header;
    }

    DenyList.Result applyTo(DenyList list) {
        if (snapshot != null) {
            return list.replace(header.toVersion(), snapshot);
        }
        return list.apply(new DenyListDelta(header.fromVersion(), header.toVersion(), false, changes));
    }
}
