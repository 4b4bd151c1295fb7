package org.faregate.gateway.auth;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;

/**
 * {@code /v1/admin/operators} (admin only, see {@link Permissions}): {@code POST} {@code {"operatorId", "role"}}
 * creates an operator and answers 201 with its token, shown this once; {@code GET} lists operators (never
 * tokens or hashes); {@code POST /v1/admin/operators/:id/revoke} refuses the operator's token from the next
 * request on.
 */
public final class OperatorRoutes implements Routes {

    /** Body of a creation. */
    public record CreateRequest(String operatorId, String role) {
    }

    private final OperatorService service;
    private final JsonExchange exchange;

    public OperatorRoutes(OperatorService service, JsonExchange exchange) {
        this.service = service;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/admin/operators").handler(this::handleCreate);
        router.get("/v1/admin/operators").handler(context -> exchange.respond(context, 200, service::list));
        router.post("/v1/admin/operators/:id/revoke").handler(this::handleRevoke);
    }

    private void handleCreate(RoutingContext context) {
        CreateRequest request = exchange.body(context, CreateRequest.class);
        String by = Caller.actor(context);
        exchange.respond(context, 201, () -> service.create(request.operatorId(), request.role(), by));
    }

    private void handleRevoke(RoutingContext context) {
        String id = context.pathParam("id");
        String by = Caller.actor(context);
        exchange.respond(context, 200, () -> service.revoke(id, by));
    }
}
