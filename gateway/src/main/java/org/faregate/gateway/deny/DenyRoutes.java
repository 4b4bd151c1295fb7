package org.faregate.gateway.deny;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.InstantSource;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.credentials.IssuerKeyStore;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.gateway.metrics.GatewayMetrics;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.wire.DenyListDelta;

/**
 * {@code GET /v1/deny-list?since=V}: the delta gates poll, from the cluster's deny registry. Gates ask for
 * {@value DenyListCodec#MEDIA_TYPE} and get it signed by the current issuer key and streamed (a snapshot may
 * hold millions of credentials); anyone else gets JSON, unsigned, for reading.
 */
public final class DenyRoutes implements Routes {

    private final DenyService service;
    private final IssuerKeyStore keys;
    private final InstantSource clock;
    private final JsonExchange exchange;
    private final GatewayMetrics metrics;

    public DenyRoutes(DenyService service, IssuerKeyStore keys, InstantSource clock, JsonExchange exchange,
                      GatewayMetrics metrics) {
        this.service = service;
        this.keys = keys;
        this.clock = clock;
        this.exchange = exchange;
        this.metrics = metrics;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/deny-list").handler(this::handleFeed);
    }

    private void handleFeed(RoutingContext context) {
        long since = since(context.request().getParam("since"));
        String accept = context.request().getHeader("Accept");
        metrics.denyFeedServed();
        if (accept != null && accept.contains(DenyListCodec.MEDIA_TYPE)) {
            exchange.stream(context, 200, DenyListCodec.MEDIA_TYPE, () -> {
                DenyListDelta delta = service.changesSince(since);
                IssuerKeyStore.IssuerKey key = keys.current();
                return out -> DenyListCodec.write(delta, clock.instant(), key.id(), key.signingKey(), out);
            });
        } else {
            exchange.respond(context, 200, () -> service.changesSince(since));
        }
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
