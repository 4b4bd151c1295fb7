package org.faregate.gateway.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.gateway.pricing.FareBook;
import org.faregate.protocol.CredentialId;

/**
 * {@code /v1/admin}: fare rules, operator denials, reconciliation. No authentication yet: bind the
 * gateway to a trusted network until operator authentication lands.
 */
public final class AdminRoutes implements Routes {

    /** The answer to a fare-rules upload. */
    public record FareRulesVersion(long version) {
    }

    private final FareBook fareBook;
    private final DenyService denyService;
    private final Reconciliation reconciliation;
    private final JsonExchange exchange;

    public AdminRoutes(FareBook fareBook, DenyService denyService, Reconciliation reconciliation,
                       JsonExchange exchange) {
        this.fareBook = fareBook;
        this.denyService = denyService;
        this.reconciliation = reconciliation;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.put("/v1/admin/fare-rules").handler(this::handleUploadFareRules);
        router.get("/v1/admin/fare-rules").handler(this::handleCurrentFareRules);
        router.post("/v1/admin/deny").handler(this::handleDeny);
        router.delete("/v1/admin/deny/:credentialId").handler(this::handleUndeny);
        router.get("/v1/admin/reconciliation").handler(this::handleReconciliation);
    }

    private void handleUploadFareRules(RoutingContext context) {
        String text = context.body().asString();
        if (text == null || text.isBlank()) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "body: expected fare rules text");
        }
        exchange.respond(context, 200, () -> new FareRulesVersion(fareBook.upload(text).version()));
    }

    private void handleCurrentFareRules(RoutingContext context) {
        exchange.send(context, 200, fareBook.currentVersion());
    }

    private void handleDeny(RoutingContext context) {
        DenyRequest request = exchange.body(context, DenyRequest.class);
        exchange.respond(context, 200, () -> denyService.deny(request.credentialId(), request.reason()));
    }

    private void handleUndeny(RoutingContext context) {
        String text = context.pathParam("credentialId");
        CredentialId id;
        try {
            id = CredentialId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "path: '" + text + "' is not a credential id");
        }
        exchange.respond(context, 200, () -> denyService.undeny(id));
    }

    private void handleReconciliation(RoutingContext context) {
        exchange.respond(context, 200, reconciliation::report);
    }
}
