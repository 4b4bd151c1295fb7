package org.faregate.gateway.ingest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.wire.TapBatch;

/** {@code POST /v1/taps}: a gate's batch in, the acknowledgement of what is committed out. */
public final class IngestRoutes implements Routes {

    private final TapIngest ingest;
    private final JsonExchange exchange;

    public IngestRoutes(TapIngest ingest, JsonExchange exchange) {
        this.ingest = ingest;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/taps").handler(this::handleTaps);
    }

    private void handleTaps(RoutingContext context) {
        TapBatch batch = exchange.body(context, TapBatch.class, Refusal.MALFORMED_BATCH);
        exchange.respond(context, 200, () -> ingest.ingest(batch));
    }
}
