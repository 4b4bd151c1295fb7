package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from text: quoted fields, doubled quotes inside quotes, CRLF or LF line ends, a
 * leading UTF-8 byte order mark, a missing final line end. A quoted field may span lines; a record is
 * numbered by the line it starts on. Blank lines are skipped.
 */
final class CsvParser {

    /** One record and the 1-based line it starts on. */
    record Record(int line, List<String> fields) {
        Record {
            fields = List.copyOf(fields);
        }
    }

    /** Thrown for text that is not CSV (an unterminated quote, a stray quote); names the line. */
    static final class CsvSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        CsvSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvParser() {
    }

    static List<Record> parse(String text) throws CsvSyntaxException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean anything = false;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                anything = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                if (anything || field.length() > 0 || afterQuote) {
                    fields.add(field.toString());
                    records.add(new Record(recordLine, fields));
                }
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                anything = false;
                line++;
                recordLine = line;
            } else if (c == '"') {
                if (field.length() > 0 || afterQuote) {
                    throw new CsvSyntaxException(line, "a quote inside an unquoted field");
                }
                quoted = true;
                anything = true;
            } else {
                if (afterQuote) {
                    throw new CsvSyntaxException(line, "text after a closing quote");
                }
                field.append(c);
                anything = true;
            }
            i++;
        }
        if (quoted) {
            throw new CsvSyntaxException(recordLine, "a quoted field is not closed");
        }
        if (anything || field.length() > 0) {
            fields.add(field.toString());
            records.add(new Record(recordLine, fields));
        }
        return records;
    }
}
