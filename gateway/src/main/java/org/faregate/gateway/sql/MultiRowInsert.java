package org.faregate.gateway.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Inserts (or merges) many rows with multi-row {@code insert ... values (...), (...)} statements, up to
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
        execute(connection, count -> sql(into, columns, count), columns, rows, binder);
    }

    /**
     * Runs a statement over many rows given as a {@code values} list, {@link #ROWS_PER_STATEMENT} rows at a
     * time, e.g. a {@code merge ... using (values ...)}. Returns the sum of the update counts.
     *
     * @param sqlFor the statement for a given number of rows, with {@code columns} parameters per row
     */
    public static <T> long execute(Connection connection, IntFunction<String> sqlFor, int columns, List<T> rows,
                                   RowBinder<T> binder) throws SQLException {
        long updated = 0;
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement statement = connection.prepareStatement(sqlFor.apply(ROWS_PER_STATEMENT))) {
                for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
                    bindRows(statement, columns, rows.subList(start, start + ROWS_PER_STATEMENT), binder);
                    updated += statement.executeUpdate();
                }
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement statement = connection.prepareStatement(sqlFor.apply(rows.size() - full))) {
                bindRows(statement, columns, rows.subList(full, rows.size()), binder);
                updated += statement.executeUpdate();
            }
        }
        return updated;
    }

    /** {@code (?, ?), (?, ?), ...}: {@code rows} rows of {@code row}, e.g. {@code "(?, ?)"}. */
    public static String rows(String row, int rows) {
        return String.join(", ", Collections.nCopies(rows, row));
    }

    private static <T> void bindRows(PreparedStatement insert, int columns, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            binder.bind(insert, i * columns, rows.get(i));
        }
    }

    static String sql(String into, int columns, int rows) {
        return "insert into " + into + " values " + rows("(" + Columns.placeholders(columns) + ")", rows);
    }
}
