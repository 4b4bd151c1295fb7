package org.faregate.validator.journal;

import java.util.Objects;

/**
 * The journal's use of disk at one moment.
 *
 * @param usedBytes   bytes in the journal's segment files
 * @param limitBytes  the allowance in force: the configured limit, or less when the file system has less
 *                    usable space left (minus a reserve for acknowledgements and the gate's state files)
 * @param pendingTaps taps not yet acknowledged by the gateway
 * @param segments    segment files on disk
 * @param level       {@link DiskLevel#of} the two byte counts
 */
public record JournalStatus(long usedBytes, long limitBytes, int pendingTaps, int segments, DiskLevel level) {

    public JournalStatus {
        Objects.requireNonNull(level, "level");
        if (usedBytes < 0 || pendingTaps < 0 || segments < 0) {
            throw new IllegalArgumentException("journal status counts must not be negative");
        }
    }

    /** Whole percent of the allowance in use (may exceed 100 when the file system shrank under the journal). */
    public long percentUsed() {
        return limitBytes <= 0 ? 100 : usedBytes * 100 / limitBytes;
    }
}
