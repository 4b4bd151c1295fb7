package org.faregate.cluster.hz;

import com.hazelcast.replicatedmap.ReplicatedMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.faregate.cluster.DenyRegistry;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;

/**
 * The deny list on a Hazelcast {@link ReplicatedMap}: every member holds a full copy and reads locally.
 * Keys are credential ids, values a compact versioned string ({@code v1|version|denied|reason}), so no
 * serializer needs registering. A write is conditional on its version being newer (atomic within this
 * member); the map is weakly consistent across members, which the gateway heals by reconciling from
 * the database of record.
 */
public final class HzDenyRegistry implements DenyRegistry {

    static final String MAP_NAME = "faregate.deny-list";
    static final String PUBLISHED_SUFFIX = ".published";
    static final String COMPLETE_SUFFIX = ".complete";
    private static final String FORMAT = "v1";

    private final ReplicatedMap<String, String> map;
    /**
     * Every version published and not yet below the completeness mark (a superseded one too), with its
     * credential: the log and the entries replicate separately, so a version counts only once its
     * credential's entry (at that version or newer) has arrived here too.
     */
    private final ReplicatedMap<Long, String> published;
    /** Each member's completeness mark; the highest counts, so one member's older mark does not lower it. */
    private final ReplicatedMap<String, Long> complete;
    private final String memberId;

    HzDenyRegistry(ReplicatedMap<String, String> map, ReplicatedMap<Long, String> published,
                   ReplicatedMap<String, Long> complete, String memberId) {
        this.map = Objects.requireNonNull(map, "map");
        this.published = Objects.requireNonNull(published, "published");
        this.complete = Objects.requireNonNull(complete, "complete");
        this.memberId = Objects.requireNonNull(memberId, "memberId");
    }

    @Override
    public synchronized boolean apply(DenyChange change) {
        if (change.version() > completeMark()) {
            published.put(change.version(), change.credentialId().toString());
        }
        String key = change.credentialId().toString();
        String known = map.get(key);
        if (known != null && decode(key, known).version() >= change.version()) {
            return false;
        }
        map.put(key, encode(change));
        return true;
    }

    @Override
    public synchronized void markComplete(long version) {
        Long mine = complete.get(memberId);
        if (mine == null || mine < version) {
            complete.put(memberId, version);
        }
        long mark = completeMark();
        published.keySet().stream().filter(v -> v <= mark).toList().forEach(published::remove);
    }

    @Override
    public long contiguousThrough(long from) {
        long version = Math.max(from, completeMark());
        while (arrived(version + 1)) {
            version++;
        }
        return version;
    }

    private boolean arrived(long version) {
        String credential = published.get(version);
        if (credential == null) {
            return false;
        }
        String entry = map.get(credential);
        return entry != null && decode(credential, entry).version() >= version;
    }

    private long completeMark() {
        return complete.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public Optional<DenyChange> find(CredentialId credentialId) {
        String key = credentialId.toString();
        return Optional.ofNullable(map.get(key)).map(value -> decode(key, value));
    }

    /**
     * A gate at or above the completeness mark (the usual case: it polls every few seconds) is answered from the
     * published-version log, reading only the entries of versions it has not seen, not every entry of the map.
     * Snapshots, gates below the mark and a log entry removed under our feet (the mark moved) take the scan.
     */
    @Override
    public DenyListDelta changesSince(long version) {
        long mark = completeMark();
        if (version == 0 || version < mark) {
            return DenyRegistry.scanChangesSince(this, version);
        }
        long highest = Math.max(mark, published.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
        if (version > highest) {
            return DenyRegistry.scanChangesSince(this, version);
        }
        long upTo = contiguousThrough(version);
        Map<String, DenyChange> latest = new HashMap<>();
        for (long v = version + 1; v <= upTo; v++) {
            String credential = published.get(v);
            String entry = credential == null ? null : map.get(credential);
            if (entry == null) {
                return DenyRegistry.scanChangesSince(this, version);
            }
            DenyChange change = decode(credential, entry);
            if (change.version() > version && change.version() <= upTo) {
                latest.put(credential, change);
            }
        }
        List<DenyChange> changes = new ArrayList<>(latest.values());
        changes.sort(Comparator.comparingLong(DenyChange::version));
        return new DenyListDelta(version, upTo, false, changes);
    }

    @Override
    public Collection<DenyChange> entries() {
        List<DenyChange> all = new ArrayList<>();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            all.add(decode(entry.getKey(), entry.getValue()));
        }
        return all;
    }

    static String encode(DenyChange change) {
        return FORMAT + "|" + change.version() + "|" + (change.denied() ? "1" : "0") + "|" + change.reason();
    }

    static DenyChange decode(String key, String value) {
        String[] parts = value.split("\\|", 4);
        if (parts.length != 4 || !FORMAT.equals(parts[0])) {
            throw new IllegalStateException("unreadable deny-list entry for credential " + key);
        }
        return new DenyChange(CredentialId.parse(key), "1".equals(parts[2]), Long.parseLong(parts[1]), parts[3]);
    }
}
