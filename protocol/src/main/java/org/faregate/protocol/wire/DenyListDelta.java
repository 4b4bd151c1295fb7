package org.faregate.protocol.wire;

import java.util.List;

/**
 * The deny-list changes after {@code fromVersion} up to {@code toVersion}. A snapshot ({@code snapshot}
 * true) holds every currently denied credential and replaces what the gate has.
 */
public record DenyListDelta(long fromVersion, long toVersion, boolean snapshot, List<DenyChange> changes) {

    public DenyListDelta {
        changes = List.copyOf(changes);
        if (toVersion < fromVersion) {
            throw new IllegalArgumentException("toVersion " + toVersion + " is before fromVersion " + fromVersion);
        }
    }
}
