package org.faregate.simulator.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.faregate.gateway.GatewayMain;
import org.faregate.gateway.auth.BearerToken;
import org.faregate.gateway.sql.DatabaseConfig;

/**
 * A gateway node in its own JVM ({@link GatewayMain} with {@code -Dfaregate.*} properties), on a fixed loopback
 * port and a database that outlives it, so a test can kill it with SIGKILL and start it again where gates
 * expect it. Its output goes to {@code gateway-N.log} in the given directory, one file per start.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final DatabaseConfig database;
    private final Path fareRules;
    private final int port;
    private final List<String> properties;
    /** The bootstrap admin's token, passed to the node as {@code FAREGATE_ADMIN_TOKEN} like a real deployment. */
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    private GatewayProcess(Path dir, DatabaseConfig database, Path fareRules, int port, List<String> properties,
                           String adminToken) {
        this.adminToken = adminToken;
        this.dir = dir;
        this.database = database;
        this.fareRules = fareRules;
        this.port = port;
        this.properties = List.copyOf(properties);
    }

    /** Starts a node on a free port with these fare rules; returns once it answers {@code /health}. */
    static GatewayProcess start(Path dir, DatabaseConfig database, String fareRulesText) throws IOException {
        return start(dir, database, fareRulesText, Map.of(), newAdminToken());
    }

    /** A fresh bootstrap admin token; nodes sharing a database must share one. */
    static String newAdminToken() {
        return BearerToken.generate(BearerToken.Kind.OPERATOR, new SecureRandom()).reveal();
    }

    /**
     * As {@link #start(Path, DatabaseConfig, String)} with more gateway settings ({@code cluster.members=...}
     * and the like, passed as {@code -Dfaregate.<name>=<value>}) and the given bootstrap admin token.
     */
    static GatewayProcess start(Path dir, DatabaseConfig database, String fareRulesText, Map<String, String> settings,
                                String adminToken) throws IOException {
        Files.createDirectories(dir);
        Path rules = dir.resolve("fares.txt");
        Files.writeString(rules, fareRulesText, StandardCharsets.UTF_8);
        List<String> properties = new ArrayList<>();
        settings.forEach((name, value) -> properties.add("-Dfaregate." + name + "=" + value));
        GatewayProcess node = new GatewayProcess(dir, database, rules, freePort(), properties, adminToken);
        node.startAgain();
        return node;
    }

    /** A free loopback port, e.g. for a node's cluster member. */
    static int freeLoopbackPort() throws IOException {
        return freePort();

    }

    String adminToken() {
        return adminToken;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway process " + process.pid() + " outlived SIGKILL");
        }
    }

    /** Starts the node again on the same port and database; returns once it answers {@code /health}. */
    void startAgain() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the gateway process is still running");
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfaregate.http.host=127.0.0.1", "-Dfaregate.http.port=" + port,
                "-Dfaregate.jdbc.url=" + database.jdbcUrl(), "-Dfaregate.jdbc.user=" + database.user(),
                "-Dfaregate.jdbc.password=" + database.password(), "-Dfaregate.fare-rules.file=" + fareRules));
        command.addAll(properties);
        command.addAll(List.of("-cp", ChildJvm.classPath(), GatewayMain.class.getName()));
        Path log = dir.resolve("gateway-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FAREGATE_ADMIN_TOKEN", adminToken);
        process = builder.start();
        awaitHealthy(log);
    }

    /** Stops the node as an operator would (SIGTERM: the shutdown hook closes pool and cluster member). */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitHealthy(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway process exited with " + process.exitValue() + " during start: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (answers("/health")) {
                return;
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the gateway started", e);
            }
        }
        throw new IllegalStateException("gateway did not answer /health within " + START_TIMEOUT + "; see " + log);
    }

    private boolean answers(String path) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(baseUri().resolve(path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
