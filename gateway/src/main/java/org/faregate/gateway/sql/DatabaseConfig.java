package org.faregate.gateway.sql;

import java.util.Objects;
import java.util.UUID;

/**
 * Where the database of record is. PostgreSQL in production; the embedded default is H2 in
 * PostgreSQL mode running the same SQL through the same code.
 *
 * @param poolSize connections in the pool, and threads of the worker pool that uses them
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {

    /** H2 settings that make it accept and order like PostgreSQL; a lock wait long enough for busy accounts. */
    public static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    public DatabaseConfig {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("JDBC URL must start with jdbc: '" + jdbcUrl + "'");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("pool size must be 1..200: " + poolSize);
        }
    }

    /** A private in-memory H2 database; it lives as long as a connection to it is open. */
    public static DatabaseConfig embedded() {
        return h2Memory("faregate-" + UUID.randomUUID());
    }

    /** A named in-memory H2 database: gateways of one JVM that use the same name share it. */
    public static DatabaseConfig h2Memory(String name) {
        return new DatabaseConfig("jdbc:h2:mem:" + name + H2_OPTIONS, "sa", "", 8);
    }

    /**
     * H2 writes committed changes to its file in the background, every 500 ms by default: a node killed
     * within that time loses transactions it had already acknowledged (the fault test of a killed gateway
     * lost taps this way). Writing at every commit keeps an acknowledged tap through a killed process; it
     * does not fsync, so a power cut can still lose the last commits. Production runs on PostgreSQL.
     */
    public static final String H2_FILE_OPTIONS = ";WRITE_DELAY=0";

    /** An H2 database in a file, e.g. {@code ./data/faregate}, that keeps every commit through a killed process. */
    public static DatabaseConfig h2File(String path) {
        return new DatabaseConfig("jdbc:h2:file:" + path + H2_OPTIONS + H2_FILE_OPTIONS, "sa", "", 8);
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
