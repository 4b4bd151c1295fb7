package org.faregate.gateway.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.sql.StoreException;
import org.faregate.protocol.wire.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outermost barrier of every request: each failure becomes an {@link ErrorBody} with its status. */
final class FailureBarrier {

    private static final Logger logger = LoggerFactory.getLogger(FailureBarrier.class);

    private final JsonExchange exchange;

    FailureBarrier(JsonExchange exchange) {
        this.exchange = exchange;
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof RefusedException refused) {
            exchange.send(context, ErrorTable.status(refused.refusal()), refused.body());
            return;
        }
        Refusal refusal;
        String message;
        if (failure instanceof StoreException) {
            logger.error("Database failure [method={}, path={}]", context.request().method(),
                    context.request().path(), failure);
            refusal = Refusal.STORE_UNAVAILABLE;
            message = "the database is unavailable; nothing was committed, try again";
        } else if (failure == null || failure instanceof HttpException) {
            int status = failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
            refusal = ErrorTable.forStatus(status);
            message = switch (refusal) {
                case NOT_FOUND -> "no resource at " + context.request().path();
                case METHOD_NOT_ALLOWED -> context.request().method() + " is not allowed on " + context.request().path();
                case BODY_TOO_LARGE -> "request body is larger than the gateway accepts";
                default -> "request failed with status " + status;
            };
        } else {
            logger.error("Unexpected failure [method={}, path={}]", context.request().method(),
                    context.request().path(), failure);
            refusal = Refusal.INTERNAL_ERROR;
            message = "unexpected error; it has been logged";
        }
        exchange.send(context, ErrorTable.status(refusal), new ErrorBody(refusal.code(), message));
    }
}
