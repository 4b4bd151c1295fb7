package org.faregate.gateway.gates;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.auth.Caller;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;
import org.faregate.protocol.crypto.VerifyingKey;

/**
 * Operators: {@code POST /v1/admin/gates} registers a gate's public key ({@code {"gateId", "publicKey"}}; 201,
 * or 200 when the gate already has that key), {@code GET /v1/admin/gates} lists the gates,
 * {@code GET /v1/admin/gates/:gateId} shows one and {@code POST /v1/admin/gates/:gateId/revoke} refuses its
 * batches from now on. Who registered or revoked is the authenticated operator ({@link Caller}); the older
 * {@code registeredBy} / {@code revokedBy} body fields are still accepted and ignored.
 */
public final class GateRoutes implements Routes {

    /** Body of a registration: the gate, its SEC1 public key in hex; {@code registeredBy} is ignored. */
    public record RegisterRequest(String gateId, String publicKey, String registeredBy) {
    }

    /** Body of a revocation, optional; {@code revokedBy} is ignored (the authenticated operator is recorded). */
    public record RevokeRequest(String revokedBy) {
    }

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
        String by = Caller.actor(context);
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
        if (context.body().length() > 0) {
            exchange.body(context, RevokeRequest.class); // still decoded, so a malformed body is refused as before
        }
        String by = Caller.actor(context);
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
