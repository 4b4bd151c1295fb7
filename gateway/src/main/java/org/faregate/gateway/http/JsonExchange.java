package org.faregate.gateway.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every route does: decode a JSON body into a wire record (or refuse it naming the field), run
 * the service call on the worker pool (never on the event loop), and answer with JSON once it is done.
 */
public final class JsonExchange {

    private static final Logger logger = LoggerFactory.getLogger(JsonExchange.class);

    private final WireJson json;
    private final WorkerExecutor workers;

    public JsonExchange(WireJson json, WorkerExecutor workers) {
        this.json = Objects.requireNonNull(json, "json");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public <T> T body(RoutingContext context, Class<T> type) {
        return body(context, type, Refusal.MALFORMED_REQUEST);
    }

    /** Decodes the body, or throws the given refusal with the path of the offending field. */
    public <T> T body(RoutingContext context, Class<T> type, Refusal refusal) {
        return read(bodyBytes(context, type, refusal), type, refusal);
    }

    /** The raw body, or the given refusal when it is empty. */
    public byte[] bodyBytes(RoutingContext context, Class<?> type, Refusal refusal) {
        Buffer body = context.body().buffer();
        if (body == null || body.length() == 0) {
            throw new RefusedException(refusal, "request body is empty; expected a " + type.getSimpleName());
        }
        return body.getBytes();
    }

    /** Decodes body bytes already taken from a request (e.g. after checking their signature). */
    public <T> T read(byte[] body, Class<T> type, Refusal refusal) {
        try {
            T value = json.read(body, type);
            if (value == null) {
                throw new RefusedException(refusal, "request body is null; expected a " + type.getSimpleName());
            }
            return value;
        } catch (WireFormatException e) {
            throw new RefusedException(refusal, describe(e), e);
        }
    }

    /** Runs blocking work on the worker pool; the future completes on the caller's context. */
    <T> Future<T> blocking(Callable<T> work) {
        return workers.executeBlocking(work, false);
    }

    /** Runs blocking work on the worker pool and answers with its result, or fails the request. */
    public <T> void respond(RoutingContext context, int status, Callable<T> work) {
        workers.executeBlocking(work, false)
                .onSuccess(result -> send(context, status, result))
                .onFailure(context::fail);
    }

    /**
     * Runs blocking work on the worker pool and answers with the status its result calls for (201 created,
     * 200 found as it was) and the body taken from the result.
     */
    public <T> void respond(RoutingContext context, ToIntFunction<T> status, Function<T, ?> body, Callable<T> work) {
        workers.executeBlocking(work, false)
                .onSuccess(result -> send(context, status.applyAsInt(result), body.apply(result)))
                .onFailure(context::fail);
    }

    /** A body too large to build in memory: written by the worker to the response as it is produced. */
    @FunctionalInterface
    public interface StreamedBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Runs {@code prepare} on the worker pool (its failures answer as usual), then streams the body it returns
     * with back-pressure. A failure after the first bytes can only cut the connection: the client sees a
     * truncated body, which the signed formats streamed here detect.
     */
    public void stream(RoutingContext context, int status, String contentType, Callable<StreamedBody> prepare) {
        workers.executeBlocking(() -> {
            StreamedBody body = prepare.call();
            HttpServerResponse response = context.response();
            response.setStatusCode(status).putHeader("content-type", contentType).setChunked(true);
            try (ResponseOutputStream out = new ResponseOutputStream(response)) {
                body.writeTo(out);
            }
            return null;
        }, false).onFailure(failure -> {
            if (context.response().headWritten()) {
                logger.warn("Streamed response cut [path={}]: {}", context.request().path(), failure.getMessage());
                context.response().reset();
            } else {
                context.fail(failure);
            }
        });
    }

    public void send(RoutingContext context, int status, Object body) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(Buffer.buffer(json.write(body)));
    }

    /** The {@code id} path parameter as an account id. */
    public static AccountId accountId(RoutingContext context) {
        String text = context.pathParam("id");
        try {
            return AccountId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "path: '" + text + "' is not an account id");
        }
    }

    /** {@code taps[0].channel: channel must be qr or nfc: 'x'} from a decoding failure. */
    static String describe(WireFormatException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String path = e.getCause() instanceof JsonMappingException mapping ? path(mapping) : "";
        String detail = root instanceof NullPointerException ? "missing " + root.getMessage()
                : root instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : root.getMessage();
        return (path.isEmpty() ? "body" : path) + ": " + detail;
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
