package org.faregate.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.auth.Permissions;

/**
 * The gateway's router: a rate limit per client address, the access guard of the operator and rider APIs
 * (before any body is read), body limit, every feature's routes, the OpenAPI description and one failure barrier.
 */
public final class HttpApi {

    private static final String OPENAPI = "/openapi.yaml";
    private static final String RULES_PATH = "/v1/admin/fare-rules";
    static final long MAX_RULES_UPLOAD_BYTES = 64L * 1024 * 1024;

    private HttpApi() {
    }

    /**
     * @throws IllegalStateException if a feature registers a guarded route ({@code /v1/admin/**},
     *                               {@code /v1/accounts/**}) that the permission table does not list
     */
    public static Router router(Vertx vertx, JsonExchange exchange, long maxBodyBytes, RateLimiter limiter,
                                AccessGuard guard, List<Routes> features) {
        Router router = Router.router(vertx);
        router.route().handler(context -> {
            if (limiter.tryAcquire(context.request().remoteAddress().host())) {
                context.next();
            } else {
                context.response().putHeader("Retry-After", Long.toString(limiter.retryAfterSeconds()));
                context.fail(new RefusedException(Refusal.RATE_LIMITED, "too many requests from this address; retry in "
                        + limiter.retryAfterSeconds() + " s"));
            }
        });
        // Before the body is read: a caller without a valid token never makes the gateway buffer a body.
        router.route().handler(guard::handle);
        BodyHandler requests = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        BodyHandler ruleUploads = BodyHandler.create(false).setBodyLimit(MAX_RULES_UPLOAD_BYTES);
        router.route().handler(context -> (isRulesUpload(context) ? ruleUploads : requests).handle(context));
        Buffer openApi = Buffer.buffer(readOpenApi());
        router.get(OPENAPI).handler(context -> context.response()
                .putHeader("content-type", "application/yaml").end(openApi));
        router.get("/health").handler(HttpApi::handleHealth);
        features.forEach(feature -> feature.register(router));
        List<Permissions.Endpoint> unlisted = Permissions.unlisted(endpoints(router));
        if (!unlisted.isEmpty()) {
            throw new IllegalStateException("routes missing from the permission table (auth.Permissions), which"
                    + " would refuse every call to them: " + unlisted);
        }
        FailureBarrier barrier = new FailureBarrier(exchange);
        router.route().failureHandler(barrier::handle);
        for (int status : new int[] {400, 404, 405, 413, 500}) {
            router.errorHandler(status, barrier::handle);
        }
        return router;
    }

    /** Every method and path pattern the router has. */
    static List<Permissions.Endpoint> endpoints(Router router) {
        List<Permissions.Endpoint> endpoints = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null) {
                route.methods().forEach(method -> endpoints.add(new Permissions.Endpoint(method.name(), route.getPath())));
            }
        }
        return endpoints;
    }

    /** Fare rules may be a whole GTFS feed as a zip, larger than any other request. */
    private static boolean isRulesUpload(RoutingContext context) {
        return context.request().method() == HttpMethod.PUT && RULES_PATH.equals(context.request().path());
    }

    private static void handleHealth(RoutingContext context) {
        context.response().putHeader("content-type", "application/json").end("{\"status\":\"up\"}");
    }

    private static byte[] readOpenApi() {
        try (InputStream in = HttpApi.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + OPENAPI);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI, e);
        }
    }
}
