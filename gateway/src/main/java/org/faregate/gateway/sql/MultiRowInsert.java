package org.faregate.gateway.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        long[] updated = {0};
        run(connection, sqlFor, columns, rows, binder, null, statement -> updated[0] += statement.executeUpdate());
        return updated[0];
    }

    /**
     * Inserts the rows that do not conflict with rows already stored ({@code on conflict do nothing}) and
     * returns the {@code key} column of each row it inserted (PostgreSQL and H2 both report exactly those as
     * generated keys).
     */
    public static <T> List<Object> insertNew(Connection connection, String into, int columns, List<T> rows,
                                             RowBinder<T> binder, String key) throws SQLException {
        List<Object> inserted = new ArrayList<>();
        run(connection, count -> sql(into, columns, count) + " on conflict do nothing", columns, rows, binder, key,
                statement -> {
                    statement.executeUpdate();
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        while (keys.next()) {
                            inserted.add(keys.getObject(1));
                        }
                    }
                });
        return inserted;
    }

    @FunctionalInterface
    private interface Execution {
        void execute(PreparedStatement statement) throws SQLException;
    }

    private static <T> void run(Connection connection, IntFunction<String> sqlFor, int columns, List<T> rows,
                                RowBinder<T> binder, String key, Execution execution) throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement statement = prepare(connection, sqlFor.apply(ROWS_PER_STATEMENT), key)) {
                for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
                    bindRows(statement, columns, rows.subList(start, start + ROWS_PER_STATEMENT), binder);
                    execution.execute(statement);
                }
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement statement = prepare(connection, sqlFor.apply(rows.size() - full), key)) {
                bindRows(statement, columns, rows.subList(full, rows.size()), binder);
                execution.execute(statement);
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String key) throws SQLException {
        return key == null ? connection.prepareStatement(sql) : connection.prepareStatement(sql, new String[] {key});
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
