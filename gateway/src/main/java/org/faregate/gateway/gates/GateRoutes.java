package org.faregate.gateway.gates;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;
import org.faregate.protocol.crypto.VerifyingKey;

/**
 * Operators: {@code POST /v1/admin/gates} registers a gate's public key ({@code {"gateId", "publicKey",
 * "registeredBy"}}; 201, or 200 when the gate already has that key), {@code GET /v1/admin/gates} lists the
 * gates, {@code GET /v1/admin/gates/:gateId} shows one and {@code POST /v1/admin/gates/:gateId/revoke}
 * ({@code {"revokedBy"}} optional) refuses its batches from now on.
 */
public final class GateRoutes implements Routes {

    /** Body of a registration: the gate, its SEC1 public key in hex, and who registers it. */
    public record RegisterRequest(String gateId, String publicKey, String registeredBy) {
    }

    /** Body of a revocation; who revokes, optional. */
    public record RevokeRequest(String revokedBy) {
    }

    private static final String OPERATOR = "operator";

    private final GateRegistry registry;
    private final JsonExchange exchange;

    public GateRoutes(GateRegistry registry, JsonExchange exchange) {
        this.registry = registry;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/admin/gates").handler(this::handleRegister);
        router.get("/v1/admin/gates").handler(context -> exchange.respond(context, 200, registry::list));
        router.get("/v1/admin/gates/:gateId").handler(this::handleShow);
        router.post("/v1/admin/gates/:gateId/revoke").handler(this::handleRevoke);
    }

    private void handleRegister(RoutingContext context) {
        RegisterRequest request = exchange.body(context, RegisterRequest.class);
        GateId gate = gateId("gateId", request.gateId());
        VerifyingKey key = publicKey(request.publicKey());
        String by = request.registeredBy() == null || request.registeredBy().isBlank() ? OPERATOR
                : request.registeredBy();
        exchange.respond(context, registration -> registration.created() ? 201 : 200, GateRegistry.Registration::gate,
                () -> registry.register(gate, key, by));
    }

    private void handleShow(RoutingContext context) {
        GateId gate = gateId("path", context.pathParam("gateId"));
        exchange.respond(context, 200, () -> registry.find(gate).orElseThrow(() -> new RefusedException(
                Refusal.NOT_FOUND, "no gate " + gate + " is registered")));
    }

    private void handleRevoke(RoutingContext context) {
        GateId gate = gateId("path", context.pathParam("gateId"));
        String by = context.body().length() == 0 ? OPERATOR
                : Optional.ofNullable(exchange.body(context, RevokeRequest.class).revokedBy())
                        .filter(text -> !text.isBlank()).orElse(OPERATOR);
        exchange.respond(context, 200, () -> registry.revoke(gate, by));
    }

    private static GateId gateId(String field, String text) {
        try {
            return GateId.of(text);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, field + ": " + e.getMessage());
        }
    }

    private static VerifyingKey publicKey(String hex) {
        if (hex == null || hex.isBlank()) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "publicKey: missing; expected a SEC1 P-256 key"
                    + " in hex, as `validator key` prints it");
        }
        try {
            return VerifyingKey.parse(Bytes.parseHex(hex.trim()).toArray());
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "publicKey: " + e.getMessage());
        }
    }
}
