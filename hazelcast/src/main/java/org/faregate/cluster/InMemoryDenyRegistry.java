package org.faregate.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;

/** A deny registry for one process: for tests and for a gateway that runs without a cluster. */
public final class InMemoryDenyRegistry implements DenyRegistry {

    private final Map<CredentialId, DenyChange> latest = new ConcurrentHashMap<>();
    private final NavigableMap<Long, CredentialId> published = new ConcurrentSkipListMap<>();
    private final AtomicLong complete = new AtomicLong();

    @Override
    public boolean apply(DenyChange change) {
        Objects.requireNonNull(change, "change");
        if (change.version() > complete.get()) {
            published.put(change.version(), change.credentialId());
        }
        AtomicBoolean recorded = new AtomicBoolean();
        latest.compute(change.credentialId(), (id, known) -> {
            if (known != null && known.version() >= change.version()) {
                return known;
            }
            recorded.set(true);
            return change;
        });
        return recorded.get();
    }

    @Override
    public void markComplete(long version) {
        long mark = complete.accumulateAndGet(version, Math::max);
        published.headMap(mark, true).clear();
    }

    @Override
    public long contiguousThrough(long from) {
        long version = Math.max(from, complete.get());
        while (arrived(version + 1)) {
            version++;
        }
        return version;
    }

    /** The version was published and its credential's entry, at that version or newer, is recorded. */
    private boolean arrived(long version) {
        CredentialId credential = published.get(version);
        DenyChange entry = credential == null ? null : latest.get(credential);
        return entry != null && entry.version() >= version;
    }

    @Override
    public Optional<DenyChange> find(CredentialId credentialId) {
        return Optional.ofNullable(latest.get(credentialId));
    }

    @Override
    public Collection<DenyChange> entries() {
        return List.copyOf(latest.values());
    }
}
