package org.faregate.gateway.deny;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;

/** {@code GET /v1/deny-list?since=V}: the delta gates poll, from the cluster's deny registry. */
public final class DenyRoutes implements Routes {

    private final DenyService service;
    private final JsonExchange exchange;

    public DenyRoutes(DenyService service, JsonExchange exchange) {
        this.service = service;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/deny-list").handler(this::handleFeed);
    }

    private void handleFeed(RoutingContext context) {
        long since = since(context.request().getParam("since"));
        exchange.respond(context, 200, () -> service.changesSince(since));
    }

    private static long since(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            long version = Long.parseLong(text);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RefusedException(Refusal.MALFORMED_REQUEST, "since: must be a deny-list version (0 or more), not '"
                + text + "'");
    }
}
