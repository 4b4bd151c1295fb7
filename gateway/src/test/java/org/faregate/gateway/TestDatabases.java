package org.faregate.gateway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.faregate.gateway.sql.DatabaseConfig;

/**
 * Databases for tests: H2 in memory by default; with {@code FAREGATE_TEST_PG_URL} (and
 * {@code FAREGATE_TEST_PG_USER}, {@code FAREGATE_TEST_PG_PASSWORD}) a fresh schema in that PostgreSQL.
 */
public final class TestDatabases {

    private static final String PG_URL = System.getenv("FAREGATE_TEST_PG_URL");

    private TestDatabases() {
    }

    public static boolean postgres() {
        return PG_URL != null && !PG_URL.isBlank();
    }

    /** A database no other test uses. Gateways given the same config share it. */
    public static DatabaseConfig fresh() {
        if (!postgres()) {
            return DatabaseConfig.h2Memory("test-" + UUID.randomUUID());
        }
        String user = env("FAREGATE_TEST_PG_USER");
        String password = env("FAREGATE_TEST_PG_PASSWORD");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(PG_URL, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema in " + PG_URL, e);
        }
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new DatabaseConfig(url, user, password, 8);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
