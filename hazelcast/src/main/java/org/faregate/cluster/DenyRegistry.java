package org.faregate.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;

/**
 * The deny list as the gateway nodes share it: the latest {@link DenyChange} of each credential.
 * Versions only grow, so applying a change is idempotent and an older change never overwrites a newer
 * one; replays and out-of-order deliveries are harmless. The database is the record: implementations
 * may be weakly consistent and are reconciled from it.
 */
public interface DenyRegistry {

    /** Records the change unless a change of the same or a higher version is known for the credential. */
    boolean apply(DenyChange change);

    /** The latest change known for the credential. */
    Optional<DenyChange> find(CredentialId credentialId);

    /** The latest change of every credential known, in no particular order. */
    Collection<DenyChange> entries();

    /** The highest version known; 0 when nothing was ever denied. */
    default long currentVersion() {
        return entries().stream().mapToLong(DenyChange::version).max().orElse(0);
    }

    /**
     * The changes after {@code version}. From 0 (or from a version this registry has never reached, as
     * after a database restore) the answer is a snapshot of the currently denied credentials.
     */
    default DenyListDelta changesSince(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("deny-list versions are not negative: " + version);
        }
        Collection<DenyChange> all = entries();
        long current = all.stream().mapToLong(DenyChange::version).max().orElse(0);
        boolean snapshot = version == 0 || version > current;
        List<DenyChange> changes = all.stream()
                .filter(change -> snapshot ? change.denied() : change.version() > version)
                .sorted(Comparator.comparingLong(DenyChange::version))
                .toList();
        return new DenyListDelta(snapshot ? 0 : version, current, snapshot, changes);
    }
}
