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
 *
 * <p>The database hands out versions without gaps, but gateway nodes publish their changes after their
 * own commits, so another node's version 6 may arrive after this node's version 7. A gate that was told
 * "you are at 7" would never ask for 6 again. So the feed serves only a gapless prefix: up to the highest
 * version below which every version has been published here or was read from the database
 * ({@link #markComplete}); later versions wait until the missing one arrives.
 */
public interface DenyRegistry {

    /**
     * Records the change unless a change of the same or a higher version is known for the credential. Its
     * version counts as published either way (a superseded change still closes its gap in the feed).
     */
    boolean apply(DenyChange change);

    /** Every version up to {@code version} is reflected here, as after reading the database of record. */
    void markComplete(long version);

    /**
     * The highest version {@code v >= from} such that every version in {@code (from, v]} was published
     * here or lies at or below the completeness mark. The feed never serves past it.
     */
    long contiguousThrough(long from);

    /** The latest change known for the credential. */
    Optional<DenyChange> find(CredentialId credentialId);

    /** The latest change of every credential known, in no particular order. */
    Collection<DenyChange> entries();

    /** The highest version known; 0 when nothing was ever denied. */
    default long currentVersion() {
        return entries().stream().mapToLong(DenyChange::version).max().orElse(0);
    }

    /**
     * The changes after {@code version}, up to the gapless prefix ({@link #contiguousThrough}). From 0 (or
     * from a version this registry has never reached, as after a database restore) the answer is a
     * snapshot of the credentials denied as of that prefix.
     */
    default DenyListDelta changesSince(long version) {
        return scanChangesSince(this, version);
    }

    /** {@link #changesSince} by reading every entry: the reference any faster implementation must match. */
    static DenyListDelta scanChangesSince(DenyRegistry registry, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("deny-list versions are not negative: " + version);
        }
        Collection<DenyChange> all = registry.entries();
        long current = all.stream().mapToLong(DenyChange::version).max().orElse(0);
        boolean snapshot = version == 0 || version > current;
        long from = snapshot ? 0 : version;
        long upTo = registry.contiguousThrough(from);
        List<DenyChange> changes = all.stream()
                .filter(change -> change.version() <= upTo)
                .filter(change -> snapshot ? change.denied() : change.version() > version)
                .sorted(Comparator.comparingLong(DenyChange::version))
                .toList();
        return new DenyListDelta(from, upTo, snapshot, changes);
    }
}
