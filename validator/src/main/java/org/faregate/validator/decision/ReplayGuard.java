package org.faregate.validator.decision;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.faregate.protocol.Bytes;

/**
 * Remembers the replay keys of presentations this gate has seen, each until the moment the verifier
 * would no longer accept it anyway. Bounded: past {@code capacity} the oldest sightings are forgotten.
 * Not thread-safe: {@link TapDecider} guards it.
 */
final class ReplayGuard {

    private final int capacity;
    private final LinkedHashMap<Bytes, Instant> seenUntil = new LinkedHashMap<>();

    ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay guard capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** True when the key was not seen (or its memory ran out); the key is then remembered until {@code until}. */
    boolean firstSighting(Bytes key, Instant until, Instant now) {
        forgetExpired(now);
        Instant previous = seenUntil.get(key);
        if (previous != null && !now.isAfter(previous)) {
            return false;
        }
        seenUntil.remove(key);
        seenUntil.put(key, until);
        while (seenUntil.size() > capacity) {
            Iterator<Map.Entry<Bytes, Instant>> oldest = seenUntil.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    int size() {
        return seenUntil.size();
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<Bytes, Instant>> entries = seenUntil.entrySet().iterator();
        while (entries.hasNext()) {
            if (!now.isAfter(entries.next().getValue())) {
                return;
            }
            entries.remove();
        }
    }
}
