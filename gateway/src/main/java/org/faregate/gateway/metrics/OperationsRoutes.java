package org.faregate.gateway.metrics;

import io.vertx.ext.web.Router;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.BooleanSupplier;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.gateway.sql.Database;

/**
 * For operators' tooling: {@code GET /metrics} (Prometheus text format) and {@code GET /ready} (200 when this node
 * can take traffic: its database answers and its cluster member runs; 503 {@code not_ready} saying which part
 * is down). {@code GET /health} (the process is up) stays with the router.
 */
public final class OperationsRoutes implements Routes {

    /** The readiness answer. */
    public record Readiness(String status, String database, String cluster) {
    }

    private final GatewayMetrics metrics;
    private final Database database;
    private final BooleanSupplier clusterRunning;
    private final JsonExchange exchange;

    public OperationsRoutes(GatewayMetrics metrics, Database database, BooleanSupplier clusterRunning,
                            JsonExchange exchange) {
        this.metrics = metrics;
        this.database = database;
        this.clusterRunning = clusterRunning;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.get("/metrics").handler(context -> context.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
        router.get("/ready").handler(context -> exchange.respond(context, 200, this::readiness));
    }

    private Readiness readiness() {
        try {
            database.inSnapshot(connection -> {
                try (PreparedStatement select = connection.prepareStatement("select 1");
                     ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            });
        } catch (RuntimeException e) {
            throw new RefusedException(Refusal.NOT_READY, "database: " + e.getMessage(), e);
        }
        if (!clusterRunning.getAsBoolean()) {
            throw new RefusedException(Refusal.NOT_READY, "cluster: this node's Hazelcast member is not running");
        }
        return new Readiness("ready", "up", "up");
    }
}
