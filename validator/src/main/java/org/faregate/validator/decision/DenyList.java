package org.faregate.validator.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;

/**
 * The gate's copy of the deny list: the credentials refused as {@code denied_token}, at a version.
 * A snapshot replaces everything; a delta applies on top of the version it starts from. Thread-safe.
 */
public final class DenyList {

    /** What happened to a delta offered to {@link #apply}. */
    public enum Outcome {
        /** The changes are now in the list (or were already: nothing newer was in the delta). */
        APPLIED,
        /** The delta starts after this list's version: changes are missing, ask for a snapshot. */
        GAP
    }

    private final Map<CredentialId, DenyChange> denied = new HashMap<>();
    private long version;

    public synchronized long version() {
        return version;
    }

    public synchronized boolean isDenied(CredentialId id) {
        return denied.containsKey(id);
    }

    public synchronized int size() {
        return denied.size();
    }

    public synchronized Outcome apply(DenyListDelta delta) {
        if (delta.snapshot()) {
            denied.clear();
            for (DenyChange change : delta.changes()) {
                if (change.denied()) {
                    denied.put(change.credentialId(), change);
                }
            }
            version = delta.toVersion();
            return Outcome.APPLIED;
        }
        if (delta.fromVersion() > version) {
            return Outcome.GAP;
        }
        List<DenyChange> inOrder = new ArrayList<>(delta.changes());
        inOrder.sort(Comparator.comparingLong(DenyChange::version));
        for (DenyChange change : inOrder) {
            if (change.version() <= version) {
                continue;
            }
            if (change.denied()) {
                denied.put(change.credentialId(), change);
            } else {
                denied.remove(change.credentialId());
            }
        }
        version = Math.max(version, delta.toVersion());
        return Outcome.APPLIED;
    }

    /** The whole list as a snapshot delta, for persisting and reloading with {@link #apply}. */
    public synchronized DenyListDelta snapshot() {
        List<DenyChange> changes = new ArrayList<>(denied.values());
        changes.sort(Comparator.comparingLong(DenyChange::version));
        return new DenyListDelta(0, version, true, changes);
    }
}
