package org.faregate.gateway.credentials;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.KeyId;

/**
 * {@code GET /v1/issuer-keys}: the signed list gates trust. Operators: {@code GET /v1/admin/issuer-keys} (every
 * key and its state), {@code POST /v1/admin/issuer-keys} (add the next key, {@code {"signsFrom": ...}}
 * optional) and {@code POST /v1/admin/issuer-keys/:keyId/retire} ({@code {"at": ...}} optional, default now).
 */
public final class IssuerKeyRoutes implements Routes {

    /** Body of a rotation; an absent time takes the default. */
    public record RotateRequest(Instant signsFrom) {
    }

    /** Body of a retirement; an absent time means now. */
    public record RetireRequest(Instant at) {
    }

    private final IssuerKeyStore keys;
    private final JsonExchange exchange;

    public IssuerKeyRoutes(IssuerKeyStore keys, JsonExchange exchange) {
        this.keys = keys;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/issuer-keys").handler(context -> exchange.respond(context, 200, keys::publicKeys));
        router.get("/v1/admin/issuer-keys").handler(context -> exchange.respond(context, 200, keys::describe));
        router.post("/v1/admin/issuer-keys").handler(this::handleRotate);
        router.post("/v1/admin/issuer-keys/:keyId/retire").handler(this::handleRetire);
    }

    private void handleRotate(RoutingContext context) {
        Optional<Instant> signsFrom = optionalBody(context, RotateRequest.class).map(RotateRequest::signsFrom);
        exchange.respond(context, 201, () -> keys.rotate(signsFrom));
    }

    private void handleRetire(RoutingContext context) {
        KeyId id = keyId(context.pathParam("keyId"));
        Optional<Instant> at = optionalBody(context, RetireRequest.class).map(RetireRequest::at);
        exchange.respond(context, 200, () -> keys.retire(id, at));
    }

    private <T> Optional<T> optionalBody(RoutingContext context, Class<T> type) {
        if (context.body().buffer() == null || context.body().length() == 0) {
            return Optional.empty();
        }
        return Optional.of(exchange.body(context, type));
    }

    private static KeyId keyId(String text) {
        try {
            return KeyId.of(Long.parseLong(text));
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "path: '" + text + "' is not an issuer key id");
        }
    }
}
