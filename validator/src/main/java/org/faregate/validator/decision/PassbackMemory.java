package org.faregate.validator.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.faregate.protocol.CredentialId;

/**
 * Remembers when each credential last entered through this gate, so the same credential entering again
 * within the window (handed back over the barrier) is refused as {@code passback}. Bounded in size.
 * Not thread-safe: {@link TapDecider} guards it.
 */
final class PassbackMemory {

    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<CredentialId, Instant> lastEntry = new LinkedHashMap<>();

    PassbackMemory(Duration window, int capacity) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("pass-back window must not be negative: " + window);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("pass-back memory capacity must be positive: " + capacity);
        }
        this.window = window;
        this.capacity = capacity;
    }

    /** True when the credential entered here less than the window ago (the window's end is outside it). */
    boolean isPassback(CredentialId credential, Instant now) {
        Instant last = lastEntry.get(credential);
        return last != null && now.isBefore(last.plus(window));
    }

    void recordEntry(CredentialId credential, Instant now) {
        lastEntry.remove(credential);
        lastEntry.put(credential, now);
        Iterator<Map.Entry<CredentialId, Instant>> oldest = lastEntry.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<CredentialId, Instant> entry = oldest.next();
            boolean outOfWindow = !now.isBefore(entry.getValue().plus(window));
            if (!outOfWindow && lastEntry.size() <= capacity) {
                return;
            }
            oldest.remove();
        }
    }
}
