package org.faregate.gateway.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows with multi-row {@code insert ... values (...), (...)} statements, up to
 * {@link #ROWS_PER_STATEMENT} rows each. A JDBC batch of single-row inserts costs the database one
 * statement per row; this costs one per hundred rows (PostgreSQL and H2 alike), which is what lets a
 * pricing round write thousands of ledger rows in a few milliseconds.
 */
public final class MultiRowInsert {

    static final int ROWS_PER_STATEMENT = 100;

    /** Binds one row's columns at parameter indexes {@code base + 1} to {@code base + columns}. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement insert, int base, T row) throws SQLException;
    }

    private MultiRowInsert() {
    }

    /**
     * Inserts {@code rows} into {@code into} (table and column list, e.g. {@code "t (a, b)"}) with
     * {@code columns} parameters per row.
     */
    public static <T> void insert(Connection connection, String into, int columns, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement insert = connection.prepareStatement(sql(into, columns, ROWS_PER_STATEMENT))) {
                for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
                    bindRows(insert, columns, rows.subList(start, start + ROWS_PER_STATEMENT), binder);
                    insert.executeUpdate();
                }
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement insert = connection.prepareStatement(sql(into, columns, rows.size() - full))) {
                bindRows(insert, columns, rows.subList(full, rows.size()), binder);
                insert.executeUpdate();
            }
        }
    }

    private static <T> void bindRows(PreparedStatement insert, int columns, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            binder.bind(insert, i * columns, rows.get(i));
        }
    }

    static String sql(String into, int columns, int rows) {
        String row = "(" + Columns.placeholders(columns) + ")";
        return "insert into " + into + " values " + String.join(", ", Collections.nCopies(rows, row));
    }
}
