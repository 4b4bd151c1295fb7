package org.faregate.simulator.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL cluster that serves a JDBC URL, stopped and started with Debian's {@code pg_ctlcluster}
 * as CI starts it. Only root (or the cluster's owner) may do that; {@link #serving} is empty where the tools
 * are missing, so a test can skip with a message instead of failing.
 */
final class PostgresCluster {

    private final String version;
    private final String name;

    private PostgresCluster(String version, String name) {
        this.version = version;
        this.name = name;
    }

    /** The cluster listening on the URL's port ({@code pg_lsclusters}), if this machine has one. */
    static Optional<PostgresCluster> serving(String jdbcUrl) {
        int port = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
        int wanted = port == -1 ? 5432 : port;
        try {
            for (String line : run("pg_lsclusters", "-h").lines().toList()) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 4 && fields[2].equals(String.valueOf(wanted))) {
                    return Optional.of(new PostgresCluster(fields[0], fields[1]));
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Whether this process may stop and start clusters (root, or the {@code postgres} user). */
    static boolean mayControl() {
        String user = System.getProperty("user.name");
        return "root".equals(user) || "postgres".equals(user);
    }

    /** Stops the server, disconnecting every client at once ({@code -m fast}); returns once it is down. */
    void stop() throws IOException {
        run("pg_ctlcluster", version, name, "stop", "-m", "fast");
    }

    /** Starts the server; returns once it accepts connections. */
    void start() throws IOException {
        run("pg_ctlcluster", version, name, "start");
    }

    boolean online() throws IOException {
        return run("pg_lsclusters", "-h", version, name).contains("online");
    }

    @Override
    public String toString() {
        return version + "/" + name;
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command[0], e);
        }
    }
}
