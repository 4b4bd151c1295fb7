package org.faregate.fares;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a fare configuration into entries: one {@code key=value} per line, keys and values trimmed,
 * blank lines and everything from {@code #} to the end of a line ignored. The first of duplicate
 * keys is kept; every later one is a problem.
 */
final class ConfigText {

    private ConfigText() {
    }

    static Map<String, ConfigEntry> read(String text, ConfigReader reader) {
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = withoutComment(i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i)).trim();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                reader.problem(number, line, "malformed_line", "expected key=value");
                continue;
            }
            ConfigEntry entry = new ConfigEntry(number, line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            if (entry.key().isEmpty()) {
                reader.problem(number, "", "malformed_line", "empty key before '='");
                continue;
            }
            ConfigEntry first = entries.putIfAbsent(entry.key(), entry);
            if (first != null) {
                reader.problem(entry, "duplicate_key", "duplicate key, first set on line " + first.line());
            }
        }
        return entries;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
