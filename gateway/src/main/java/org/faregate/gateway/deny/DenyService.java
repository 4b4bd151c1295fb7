package org.faregate.gateway.deny;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.faregate.cluster.DenyRegistry;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deny list: operators' denials, publication of committed changes to the cluster registry, the feed
 * gates poll, and reconciliation of the registry from the database of record. Blocking.
 */
public final class DenyService {

    private static final Logger logger = LoggerFactory.getLogger(DenyService.class);

    private final Database database;
    private final SqlDenyList denyList;
    private final DenyRegistry registry;
    private final InstantSource clock;

    public DenyService(Database database, SqlDenyList denyList, DenyRegistry registry, InstantSource clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.denyList = Objects.requireNonNull(denyList, "denyList");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Denies a credential (an operator's decision: lost, stolen, fraud). Denying it again changes nothing. */
    public DenyChange deny(CredentialId id, String reason) {
        DenyChange change = database.inTransaction(connection -> {
            if (denyList.accountOf(connection, id).isEmpty()) {
                throw new RefusedException(Refusal.UNKNOWN_CREDENTIAL, "no credential " + id + " was issued here");
            }
            denyList.lock(connection);
            var current = denyList.find(connection, id);
            if (current.isPresent() && current.get().denied() && current.get().reason().equals(reason)) {
                return current.get();
            }
            return denyList.write(connection, id, true, reason, clock.instant());
        });
        logger.info("Credential denied by operator [credential={}, version={}]", id.masked(), change.version());
        publish(List.of(change));
        return change;
    }

    /** Takes a credential off the deny list, whatever denied it. Removing it again changes nothing. */
    public DenyChange undeny(CredentialId id) {
        DenyChange change = database.inTransaction(connection -> {
            denyList.lock(connection);
            DenyChange current = denyList.find(connection, id).orElseThrow(() -> new RefusedException(
                    Refusal.NOT_DENIED, "credential " + id + " is not on the deny list"));
            if (!current.denied()) {
                return current;
            }
            return denyList.write(connection, id, false, DenyReasons.REMOVED_BY_OPERATOR, clock.instant());
        });
        logger.info("Credential un-denied by operator [credential={}, version={}]", id.masked(), change.version());
        publish(List.of(change));
        return change;
    }

    /**
     * Hands committed changes to the cluster registry. A failure here loses nothing: the database holds
     * the change and {@link #reconcile()} publishes it again.
     */
    public void publish(List<DenyChange> changes) {
        for (DenyChange change : changes) {
            try {
                registry.apply(change);
            } catch (RuntimeException e) {
                logger.warn("Deny change not published, left to reconciliation [credential={}, version={}]",
                        change.credentialId().masked(), change.version(), e);
            }
        }
    }

    private record Record(long clock, List<DenyChange> changes) {
    }

    /** Brings the registry up to the database of record; returns how many changes it did not yet have. */
    public int reconcile() {
        Record record = database.inTransaction(connection -> {
            long clock = SqlDenyList.clock(connection);
            return new Record(clock, denyList.all(connection));
        });
        List<DenyChange> all = record.changes();
        int applied = 0;
        for (DenyChange change : all) {
            if (registry.apply(change)) {
                applied++;
            }
        }
        // Every version up to the clock read first is in what followed (or was superseded there): the feed
        // may serve up to it even where a node never published a version (it crashed after its commit).
        registry.markComplete(record.clock());
        if (applied > 0) {
            logger.info("Deny registry reconciled [entries={}, applied={}]", all.size(), applied);
        }
        return applied;
    }

    /** What a gate at {@code version} needs; see {@link DenyRegistry#changesSince(long)}. */
    public DenyListDelta changesSince(long version) {
        return registry.changesSince(version);
    }

    /** The highest version the feed serves now, for metrics. */
    public long feedVersion() {
        return registry.contiguousThrough(0);
    }

    /** Credentials with an entry in the cluster's registry (denied or lifted), for metrics. */
    public long entryCount() {
        return registry.entries().size();
    }
}
