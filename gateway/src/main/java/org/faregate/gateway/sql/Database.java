package org.faregate.gateway.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of record behind a HikariCP pool. Work runs in one transaction, rolled back on any
 * failure; deadlocks and serialization failures are retried a few times. Blocking: call it from a
 * worker thread, never from an event loop.
 */
public final class Database implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(Database.class);
    private static final String SCHEMA = "/org/faregate/gateway/sql/schema.sql";
    /** Serialization failure (PostgreSQL, H2) and deadlock detected (PostgreSQL). */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final int MAX_ATTEMPTS = 4;
    /**
     * How long a request waits for a pooled connection before it fails with {@code store_unavailable}.
     * HikariCP waits 30 s by default: with the database down, every worker then hung past the gates' 10 s
     * request timeout and {@code /ready} could not answer at all (the PostgreSQL restart fault test). Two
     * seconds rides out a busy pool and still answers 503 well within a gate's timeout.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long checking an idle connection may take; HikariCP requires it below the connection timeout. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);

    private final HikariDataSource dataSource;
    private final DatabaseConfig config;

    private Database(HikariDataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Opens the pool and applies the schema (every statement is idempotent). */
    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("faregate-sql");
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // Read committed is every transaction's level but a snapshot's: with it as the pool's default,
        // HikariCP knows the connection's level and a transaction does not pay a round trip to set it again.
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // PostgreSQL compiles a query to machine code when its estimated cost is high, which the pricing
            // round's queries over hundreds of accounts are: 20 ms of compiling for a 10 ms query, every round.
            hikari.addDataSourceProperty("options", "-c jit=off");
        }
        HikariDataSource dataSource = new HikariDataSource(hikari);
        Database database = new Database(dataSource, config);
        try {
            database.applySchema();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        logger.info("Database ready [url={}]", config.jdbcUrl());
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Runs the work in one read-committed transaction and commits it. */
    public <T> T inTransaction(SqlWork<T> work) {
        return run(work, Connection.TRANSACTION_READ_COMMITTED);
    }

    /** Runs read-only work on one consistent snapshot (repeatable read), for reports. */
    public <T> T inSnapshot(SqlWork<T> work) {
        return run(work, Connection.TRANSACTION_REPEATABLE_READ);
    }

    private <T> T run(SqlWork<T> work, int isolation) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                    connection.setTransactionIsolation(isolation);
                }
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(connection, e);
                    throw e;
                }
            } catch (SQLException e) {
                // Set.of(...).contains(null) throws: an SQLException of our own carries no SQL state.
                if (e.getSQLState() != null && RETRYABLE.contains(e.getSQLState()) && attempt < MAX_ATTEMPTS) {
                    logger.warn("Transaction conflict, retrying [attempt={}, sqlState={}]", attempt, e.getSQLState());
                    continue;
                }
                throw new StoreException("database transaction failed: " + e.getMessage(), e);
            }
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void applySchema() {
        List<String> statements = statements(readSchema());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot apply the schema: " + e.getMessage(), e);
        }
    }

    private static String readSchema() {
        try (InputStream in = Database.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + SCHEMA);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA, e);
        }
    }

    /** Splits the schema into statements: {@code --} comments dropped, {@code ;} at a line end ends one. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String code = line.contains("--") ? line.substring(0, line.indexOf("--")) : line;
            if (code.isBlank()) {
                continue;
            }
            current.append(code.strip()).append('\n');
            if (code.strip().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("schema ends without ';': " + current);
        }
        return statements;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
