package org.faregate.fares;

/** One {@code key=value} line of a fare configuration, trimmed, comment removed. */
record ConfigEntry(int line, String key, String value) {

    /** The part of the key after {@code prefix}, e.g. the station of {@code zone.S01}. */
    String suffix(String prefix) {
        return key.substring(prefix.length());
    }
}
