package org.faregate.gateway.auth;

import io.vertx.ext.web.RoutingContext;

/**
 * Who made a request, as the authentication handler found it. Services record {@link #actor} with every
 * operator action (adjustments, revocations, key rotations) so the audit trail names a person or system.
 */
public final class Caller {

    /** The routing-context key the authentication handler stores the caller's actor name under. */
    public static final String ACTOR_KEY = "faregate.actor";

    private Caller() {
    }

    /** The authenticated caller's actor name; {@code "unauthenticated"} when no handler identified one. */
    public static String actor(RoutingContext context) {
        Object actor = context.get(ACTOR_KEY);
        return actor == null ? "unauthenticated" : actor.toString();
    }
}
