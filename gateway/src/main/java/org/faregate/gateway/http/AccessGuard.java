package org.faregate.gateway.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Objects;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.auth.Authenticator;
import org.faregate.gateway.auth.BearerToken;
import org.faregate.gateway.auth.Caller;
import org.faregate.gateway.auth.Permissions;
import org.faregate.gateway.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates and authorizes every request to a path {@link Permissions} guards, before its body is read:
 * the bearer token is looked up on the worker pool, the permission table decides, and the caller's actor
 * goes into the routing context ({@link Caller}). Refusals: 401 {@code unauthenticated} with
 * {@code WWW-Authenticate: Bearer}, 403 {@code forbidden}. Never logs or echoes a token.
 */
public final class AccessGuard {

    private static final Logger logger = LoggerFactory.getLogger(AccessGuard.class);
    private static final String SCHEME = "bearer ";
    private static final String CHALLENGE = "Bearer realm=\"faregate\"";
    private static final String INVALID_TOKEN = CHALLENGE + ", error=\"invalid_token\"";

    private final Authenticator authenticator;
    private final JsonExchange exchange;

    public AccessGuard(Authenticator authenticator, JsonExchange exchange) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (!Permissions.guards(path)) {
            context.next();
            return;
        }
        Permissions.Rule rule = Permissions.ruleFor(context.request().method().name(), path);
        if (rule.open()) {
            context.next();
            return;
        }
        BearerToken token = token(context);
        // The body waits unread while the token is looked up; the body handler resumes it, a refusal drops it.
        context.request().pause();
        exchange.blocking(() -> authenticator.authenticate(token)).onSuccess(principal -> {
            try {
                Permissions.authorize(rule, path, principal);
            } catch (RefusedException e) {
                refuse(context, e);
                return;
            }
            context.put(Caller.ACTOR_KEY, principal.actor());
            if (principal instanceof Principal.Operator && !"GET".equals(rule.method())) {
                logger.info("Operator request [actor={}, method={}, route={}]", principal.actor(), rule.method(),
                        rule.pattern());
            }
            context.next();
        }).onFailure(failure -> {
            if (failure instanceof RefusedException refused && refused.refusal() == Refusal.UNAUTHENTICATED) {
                context.response().putHeader("WWW-Authenticate", INVALID_TOKEN);
            }
            refuse(context, failure);
        });
    }

    /** Fails the request; the unread body is let through to be discarded, so the connection stays usable. */
    private static void refuse(RoutingContext context, Throwable failure) {
        context.request().resume();
        context.fail(failure);
    }

    /** The bearer token of the Authorization header, or {@code unauthenticated} saying what is wrong with it. */
    private static BearerToken token(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            context.response().putHeader("WWW-Authenticate", CHALLENGE);
            throw new RefusedException(Refusal.UNAUTHENTICATED, "missing Authorization header: send `Authorization:"
                    + " Bearer <token>` with an operator token, or for /v1/accounts/{id} that account's rider token");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            context.response().putHeader("WWW-Authenticate", INVALID_TOKEN);
            throw new RefusedException(Refusal.UNAUTHENTICATED,
                    "the Authorization header must use the Bearer scheme: `Authorization: Bearer <token>`");
        }
        try {
            return BearerToken.parse(header.substring(SCHEME.length()).trim());
        } catch (IllegalArgumentException e) {
            context.response().putHeader("WWW-Authenticate", INVALID_TOKEN);
            throw new RefusedException(Refusal.UNAUTHENTICATED, "malformed bearer token: " + e.getMessage());
        }
    }
}
