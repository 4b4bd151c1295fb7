package org.faregate.simulator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.faregate.gateway.sql.DatabaseConfig;

/**
 * The gateway database for the simulator's tests: embedded H2, or, when {@code FAREGATE_TEST_PG_URL}
 * (with {@code FAREGATE_TEST_PG_USER} and {@code FAREGATE_TEST_PG_PASSWORD}) is set as in CI, a fresh
 * schema of that PostgreSQL, so money moves through the production database there.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static DatabaseConfig fresh() {
        return isPostgres() ? freshSchema() : DatabaseConfig.embedded();
    }

    /**
     * A database that outlives the process using it, for tests that kill a gateway and start it again on
     * the same data: a fresh PostgreSQL schema as above, or else an H2 file under {@code dir}.
     */
    public static DatabaseConfig durable(Path dir) {
        return isPostgres() ? freshSchema() : DatabaseConfig.h2File(dir.resolve("gateway").toAbsolutePath().toString());
    }

    /** True when the tests run against PostgreSQL ({@code FAREGATE_TEST_PG_URL} is set). */
    public static boolean isPostgres() {
        String url = System.getenv("FAREGATE_TEST_PG_URL");
        return url != null && !url.isBlank();
    }

    private static DatabaseConfig freshSchema() {
        String url = System.getenv("FAREGATE_TEST_PG_URL");
        String user = System.getenv().getOrDefault("FAREGATE_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("FAREGATE_TEST_PG_PASSWORD", "");
        String schema = "sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + url, e);
        }
        return new DatabaseConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, 8);
    }
}
