package org.faregate.fares.charging;

/** Which band a distance exactly on a band boundary falls in. */
public enum BoundaryRule {
    /**
     * Bands are {@code (lower, upper]}: exactly 6 km is still the 0–6 km band (Shanghai: 6 km = ¥3,
     * 6.001 km = ¥4). The default, because fare tables are published as "up to 6 km".
     */
    LOWER_BAND,
    /** Bands are {@code [lower, upper)}: exactly 6 km already belongs to the next band (6 km = ¥4). */
    UPPER_BAND
}
