package org.faregate.validator.journal;

/**
 * How full the journal's disk allowance is. The gate raises an alarm when the level rises (a gateway
 * that stays unreachable fills it) and, at {@link #FULL}, refuses to take a tap it could not keep.
 */
public enum DiskLevel {
    /** Below 70 % of the allowance. */
    OK,
    /** From 70 %: the gateway has been unreachable for long; someone should look. */
    WARNING,
    /** From 90 %: the gate will soon stop taking taps. */
    CRITICAL,
    /** Less room left than one tap record may need: appends are refused, the gate stays closed. */
    FULL;

    /** Room kept for the largest tap record; a journal with less free room than this is {@link #FULL}. */
    static final long TAP_RECORD_ROOM = 4096;

    /** The level of a journal using {@code usedBytes} of an allowance of {@code capacityBytes}. */
    public static DiskLevel of(long usedBytes, long capacityBytes) {
        if (usedBytes < 0) {
            throw new IllegalArgumentException("used bytes must not be negative: " + usedBytes);
        }
        if (capacityBytes - usedBytes < TAP_RECORD_ROOM) {
            return FULL;
        }
        if (usedBytes >= capacityBytes / 10 * 9) {
            return CRITICAL;
        }
        if (usedBytes >= capacityBytes / 10 * 7) {
            return WARNING;
        }
        return OK;
    }
}
