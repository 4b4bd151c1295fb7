package org.faregate.gateway.auth;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/admin/operators} (admin only, see {@link Permissions}): {@code POST} {@code {"operatorId", "role"}}
 * creates an operator and answers 201 with its token, shown this once; {@code GET} lists operators (never
 * tokens or hashes); {@code POST /v1/admin/operators/:id/revoke} refuses the operator's token from the next
 * request on. {@code POST /v1/admin/accounts/:id/rider-token} (support, admin) replaces a rider's token: the
 * new one is answered once, the old ones stop working.
 */
public final class OperatorRoutes implements Routes {

    /** Body of a creation. */
    public record CreateRequest(String operatorId, String role) {
    }

    /** A rider's new token, shown this once. */
    public record RiderToken(AccountId accountId, String riderToken) {
        @Override
        public String toString() {
            return "RiderToken[accountId=" + accountId + ", riderToken=redacted]";
        }
    }

    private static final Logger logger = LoggerFactory.getLogger(OperatorRoutes.class);

    private final OperatorService service;
    private final Authenticator authenticator;
    private final JsonExchange exchange;

    public OperatorRoutes(OperatorService service, Authenticator authenticator, JsonExchange exchange) {
        this.service = service;
        this.authenticator = authenticator;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/admin/operators").handler(this::handleCreate);
        router.get("/v1/admin/operators").handler(context -> exchange.respond(context, 200, service::list));
        router.post("/v1/admin/operators/:id/revoke").handler(this::handleRevoke);
        router.post("/v1/admin/accounts/:id/rider-token").handler(this::handleReplaceRiderToken);
    }

    private void handleCreate(RoutingContext context) {
        CreateRequest request = exchange.body(context, CreateRequest.class);
        String by = Caller.actor(context);
        exchange.respond(context, 201, () -> service.create(request.operatorId(), request.role(), by));
    }

    private void handleReplaceRiderToken(RoutingContext context) {
        AccountId account = JsonExchange.accountId(context);
        String by = Caller.actor(context);
        exchange.respond(context, 200, () -> {
            BearerToken token = authenticator.replaceRiderToken(account);
            logger.info("Rider token replaced [account={}, by={}]", account, by);
            return new RiderToken(account, token.reveal());
        });
    }

    private void handleRevoke(RoutingContext context) {
        String id = context.pathParam("id");
        String by = Caller.actor(context);
        exchange.respond(context, 200, () -> service.revoke(id, by));
    }
}
