package org.faregate.fares.cli;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faregate.fares.FareTap;
import org.faregate.fares.TapEvent;
import org.faregate.fares.engine.FareEngine;

/**
 * Reads a taps CSV: header {@code time,stop_id,event[,route_id][,account_id][,tap_id]} (any column order,
 * names trimmed), times ISO-8601 with an offset, events {@code entry|exit|board}. Fields are plain (no
 * quoting). Every problem is collected as {@code FILE:LINE FIELD message}; a file with problems gives no taps.
 */
final class TapsCsv {

    private static final Set<String> COLUMNS = Set.of("time", "stop_id", "event", "route_id", "account_id", "tap_id");

    private final String name;
    private final FareEngine engine;
    private final String category;
    private final Optional<String> media;
    private final List<String> problems = new ArrayList<>();

    TapsCsv(String name, FareEngine engine, String category, Optional<String> media) {
        this.name = name;
        this.engine = engine;
        this.category = category;
        this.media = media;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The rows of the file, or an empty list with {@link #problems()} when anything is wrong. */
    List<TapRow> read(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        Map<String, Integer> columns = header(lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[0]);
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<TapRow> rows = new ArrayList<>();
        Set<String> tapIds = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            if (fields.length != columns.size()) {
                problem(i + 1, "", "has " + fields.length + " fields, the header " + columns.size());
                continue;
            }
            row(i + 1, fields, columns).ifPresent(row -> {
                if (tapIds.add(row.tap().tapId())) {
                    rows.add(row);
                } else {
                    problem(row.line(), "tap_id", "duplicate tap id '" + row.tap().tapId() + "'");
                }
            });
        }
        return problems.isEmpty() ? rows : List.of();
    }

    private Map<String, Integer> header(String line) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String column = names[i].trim();
            if (!COLUMNS.contains(column)) {
                problem(1, column, "unknown column; expected time,stop_id,event[,route_id][,account_id][,tap_id]");
            } else if (columns.put(column, i) != null) {
                problem(1, column, "duplicate column");
            }
        }
        for (String required : List.of("time", "stop_id", "event")) {
            if (!columns.containsKey(required)) {
                problem(1, required, "required column is missing");
            }
        }
        return columns;
    }

    private Optional<TapRow> row(int line, String[] fields, Map<String, Integer> columns) {
        int before = problems.size();
        String time = field(fields, columns, "time");
        OffsetDateTime at = null;
        try {
            at = OffsetDateTime.parse(time);
        } catch (DateTimeException e) {
            problem(line, "time", "'" + time + "' is not an ISO-8601 time with offset, e.g. 2025-01-15T10:00-08:00");
        }
        String stop = field(fields, columns, "stop_id");
        if (!engine.knowsStation(stop)) {
            problem(line, "stop_id", "'" + stop + "' is not in stops.txt");
        }
        String eventText = field(fields, columns, "event");
        TapEvent event = switch (eventText.toLowerCase(Locale.ROOT)) {
            case "entry" -> TapEvent.ENTRY;
            case "exit" -> TapEvent.EXIT;
            case "board" -> TapEvent.BOARD;
            default -> null;
        };
        if (event == null) {
            problem(line, "event", "'" + eventText + "' is not entry, exit or board");
        }
        Optional<String> route = Optional.of(field(fields, columns, "route_id")).filter(r -> !r.isEmpty());
        if (route.isPresent() && !engine.knowsRoute(route.get())) {
            problem(line, "route_id", "'" + route.get() + "' is not in routes.txt");
        }
        String tapId = field(fields, columns, "tap_id");
        if (problems.size() > before) {
            return Optional.empty();
        }
        FareTap tap = new FareTap(tapId.isEmpty() ? "line " + line : tapId, at.toInstant(), stop, event, category,
                route, media);
        return Optional.of(new TapRow(line, field(fields, columns, "account_id"), time, tap));
    }

    private static String field(String[] fields, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : fields[index].trim();
    }

    private void problem(int line, String field, String message) {
        problems.add(name + ":" + line + (field.isEmpty() ? "" : " " + field) + " " + message);
    }
}
