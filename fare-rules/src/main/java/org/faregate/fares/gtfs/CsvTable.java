package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A GTFS file as a header and rows. Header names are trimmed (a trimmed name is a warning); a duplicated
 * column, a row of the wrong length or broken quoting is an error notice and the row is left out, the
 * rest is kept. Columns not in {@code known} are kept and reported as {@code unknown_column}.
 */
final class CsvTable {

    /** One data row: its line and its values by column, each value trimmed. */
    record Row(String file, int line, Map<String, String> values) {
        Row {
            values = Map.copyOf(values);
        }

        /** The trimmed value, or empty when the column is absent or the value blank. */
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private final String file;
    private final List<String> columns;
    private final List<Row> rows;

    private CsvTable(String file, List<String> columns, List<Row> rows) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    static Optional<CsvTable> read(String file, String text, Set<String> known, Notices notices) {
        List<CsvParser.Record> records;
        try {
            records = CsvParser.parse(text);
        } catch (CsvParser.CsvSyntaxException e) {
            notices.add(NoticeCode.CSV_PARSING_FAILED, file, e.line, "", e.getMessage());
            return Optional.empty();
        }
        if (records.isEmpty()) {
            notices.fileLevel(NoticeCode.EMPTY_FILE, file, "the file has no header");
            return Optional.of(new CsvTable(file, List.of(), List.of()));
        }
        CsvParser.Record header = records.get(0);
        List<String> columns = new ArrayList<>();
        for (String raw : header.fields()) {
            String name = raw.strip();
            if (!name.equals(raw)) {
                notices.add(NoticeCode.LEADING_OR_TRAILING_WHITESPACES, file, header.line(), name,
                        "header '" + raw + "' trimmed to '" + name + "'");
            }
            if (columns.contains(name)) {
                notices.add(NoticeCode.DUPLICATED_COLUMN, file, header.line(), name, "column appears twice");
                return Optional.empty();
            }
            if (!known.contains(name)) {
                notices.add(NoticeCode.UNKNOWN_COLUMN, file, header.line(), name, "column not in the specification, kept");
            }
            columns.add(name);
        }
        List<Row> rows = new ArrayList<>();
        for (CsvParser.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != columns.size()) {
                notices.add(NoticeCode.INVALID_ROW_LENGTH, file, record.line(), "",
                        record.fields().size() + " fields where the header has " + columns.size());
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                values.put(columns.get(c), record.fields().get(c).strip());
            }
            rows.add(new Row(file, record.line(), values));
        }
        return Optional.of(new CsvTable(file, columns, rows));
    }

    String file() {
        return file;
    }

    boolean hasColumn(String column) {
        return columns.contains(column);
    }

    List<String> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }
}
