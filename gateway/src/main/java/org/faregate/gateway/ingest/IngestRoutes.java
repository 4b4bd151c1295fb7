package org.faregate.gateway.ingest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.gates.GateAuthenticator;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.gateway.metrics.GatewayMetrics;
import org.faregate.protocol.GateId;
import org.faregate.protocol.auth.BatchSignature;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/taps}: a gate's signed batch in, the acknowledgement of what is committed out. The signature
 * headers are read first, then, on the worker pool, the gate is authenticated over the exact body bytes, the
 * body decoded and its gate checked against the signer; only then is anything ingested.
 */
public final class IngestRoutes implements Routes {

    private static final Logger logger = LoggerFactory.getLogger(IngestRoutes.class);

    private final TapIngest ingest;
    private final GateAuthenticator authenticator;
    private final JsonExchange exchange;
    private final GatewayMetrics metrics;

    public IngestRoutes(TapIngest ingest, GateAuthenticator authenticator, JsonExchange exchange,
                        GatewayMetrics metrics) {
        this.ingest = ingest;
        this.authenticator = authenticator;
        this.exchange = exchange;
        this.metrics = metrics;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/taps").handler(this::handleTaps);
    }

    private void handleTaps(RoutingContext context) {
        BatchSignature signature = counted(() -> signature(context.request()));
        byte[] body = counted(() -> exchange.bodyBytes(context, TapBatch.class, Refusal.MALFORMED_BATCH));
        exchange.respond(context, 200, () -> counted(() -> authenticatedIngest(signature, body)));
    }

    private TapBatchAck authenticatedIngest(BatchSignature signature, byte[] body) {
        GateId gate = authenticator.authenticate(signature, body);
        TapBatch batch = exchange.read(body, TapBatch.class, Refusal.MALFORMED_BATCH);
        if (!batch.gateId().equals(gate)) {
            throw new RefusedException(Refusal.GATE_MISMATCH, "the batch is from gate " + batch.gateId()
                    + " but was signed by gate " + gate + "; a gate delivers only its own taps");
        }
        return ingest.ingest(batch);
    }

    private static BatchSignature signature(HttpServerRequest request) {
        String gate = request.getHeader(BatchSignature.GATE_HEADER);
        String time = request.getHeader(BatchSignature.TIME_HEADER);
        String signature = request.getHeader(BatchSignature.SIGNATURE_HEADER);
        if (gate == null && time == null && signature == null) {
            throw new RefusedException(Refusal.UNSIGNED_BATCH, "the batch is not signed: a gate sends headers "
                    + BatchSignature.GATE_HEADER + ", " + BatchSignature.TIME_HEADER + " and "
                    + BatchSignature.SIGNATURE_HEADER + " (docs/token-format.md)");
        }
        try {
            return BatchSignature.parse(gate, time, signature);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_SIGNATURE, e.getMessage(), e);
        }
    }

    /** Counts and logs a refused batch; the refusal itself still answers the request. */
    private <T> T counted(Supplier<T> step) {
        try {
            return step.get();
        } catch (RefusedException e) {
            metrics.batchRefused();
            logger.warn("Tap batch refused [code={}]: {}", e.refusal().code(), e.getMessage());
            throw e;
        }
    }
}
