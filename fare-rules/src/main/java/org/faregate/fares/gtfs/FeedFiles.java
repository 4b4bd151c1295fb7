package org.faregate.fares.gtfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The feed's texts by file name, read into tables with the notices that reading gives. */
final class FeedFiles {

    /** GTFS files fares do not need: loaded by nobody, reported as nothing. */
    private static final Set<String> IGNORED = Set.of("trips.txt", "stop_times.txt", "shapes.txt",
            "frequencies.txt", "transfers.txt", "pathways.txt", "levels.txt", "feed_info.txt",
            "translations.txt", "attributions.txt", "fare_attributes.txt", "fare_rules.txt",
            "location_group_stops.txt", "locations.geojson", "booking_rules.txt",
            "location_groups.txt");

    private final Map<String, String> texts;
    private final Notices notices;

    FeedFiles(Map<String, String> texts, Notices notices) {
        this.texts = Map.copyOf(texts);
        this.notices = notices;
    }

    /** Reports files neither loaded nor known to GTFS, once every loader has named its files. */
    void reportUnknownFiles(Set<String> loaded) {
        texts.keySet().stream().sorted()
                .filter(name -> !loaded.contains(name) && !IGNORED.contains(name))
                .forEach(name -> notices.fileLevel(NoticeCode.UNKNOWN_FILE, name, "file not used for fares, ignored"));
    }

    /**
     * The table of {@code file}; empty when the file is absent (an error if {@code requiredFile}), broken, or
     * lacks a required column.
     */
    Optional<CsvTable> table(String file, boolean requiredFile, List<String> required, List<String> optional) {
        String text = texts.get(file);
        if (text == null) {
            if (requiredFile) {
                notices.fileLevel(NoticeCode.MISSING_REQUIRED_FILE, file, "the feed has no " + file);
            }
            return Optional.empty();
        }
        Set<String> known = new java.util.HashSet<>(required);
        known.addAll(optional);
        Optional<CsvTable> table = CsvTable.read(file, text, known, notices);
        if (table.isEmpty() || table.get().columns().isEmpty()) {
            return table;
        }
        boolean complete = true;
        for (String column : required) {
            if (!table.get().hasColumn(column)) {
                notices.add(NoticeCode.MISSING_REQUIRED_COLUMN, file, 1, column, "required column is missing");
                complete = false;
            }
        }
        return complete ? table : Optional.empty();
    }

    /** Tracks primary keys of one file; a repeat is {@code duplicate_key}. */
    static final class Keys {
        private final Map<Object, Integer> seen = new HashMap<>();

        boolean firstTime(Fields fields, String field, Object key) {
            Integer earlier = seen.putIfAbsent(key, fields.line());
            if (earlier != null) {
                fields.problem(NoticeCode.DUPLICATE_KEY, field, "key " + key + " already defined on line " + earlier);
                return false;
            }
            return true;
        }
    }
}
