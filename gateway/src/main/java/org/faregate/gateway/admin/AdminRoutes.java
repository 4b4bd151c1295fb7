package org.faregate.gateway.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.gateway.pricing.FareBook;
import org.faregate.gateway.pricing.FareRulesRejectedException;
import org.faregate.protocol.CredentialId;

/**
 * {@code /v1/admin}: fare rules, operator denials, reconciliation. Operators authenticate with a bearer
 * token; {@code auth.Permissions} says which roles may call which route.
 */
public final class AdminRoutes implements Routes {

    /** The answer to a fare-rules upload: the stored version and the notices that did not stop it. */
    public record FareRulesVersion(long version, String format, Instant effectiveFrom,
                                   List<FareRulesRejectedException.Problem> notices) {
        public FareRulesVersion {
            notices = List.copyOf(notices);
        }
    }

    private final FareBook fareBook;
    private final DenyService denyService;
    private final Reconciliation reconciliation;
    private final JsonExchange exchange;
    private final InstantSource clock;

    public AdminRoutes(FareBook fareBook, DenyService denyService, Reconciliation reconciliation,
                       JsonExchange exchange, InstantSource clock) {
        this.fareBook = fareBook;
        this.clock = clock;
        this.denyService = denyService;
        this.reconciliation = reconciliation;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.put("/v1/admin/fare-rules").handler(this::handleUploadFareRules);
        router.get("/v1/admin/fare-rules").handler(this::handleCurrentFareRules);
        router.get("/v1/admin/fare-rules/versions").handler(this::handleFareRulesVersions);
        router.post("/v1/admin/deny").handler(this::handleDeny);
        router.delete("/v1/admin/deny/:credentialId").handler(this::handleUndeny);
        router.get("/v1/admin/reconciliation").handler(this::handleReconciliation);
    }

    private void handleUploadFareRules(RoutingContext context) {
        byte[] upload = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        if (upload.length == 0 || (!FareBook.isZip(upload)
                && new String(upload, java.nio.charset.StandardCharsets.UTF_8).isBlank())) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST,
                    "body: expected fare rules (key=value text, or a GTFS-Fares v2 feed as a zip)");
        }
        Instant effectiveFrom = effectiveFrom(context.queryParams().get("effectiveFrom"));
        exchange.respond(context, 200, () -> {
            FareBook.Uploaded uploaded = fareBook.upload(upload, effectiveFrom);
            FareBook.Version version = uploaded.version();
            return new FareRulesVersion(version.version(), version.format(), version.effectiveFrom(),
                    uploaded.notices());
        });
    }

    /** When new rules take effect: the query's ISO-8601 time with offset, or now. */
    private Instant effectiveFrom(String text) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST,
                    "query effectiveFrom: '" + text + "' is not an ISO-8601 time with offset, e.g. 2026-12-01T04:00:00+08:00");
        }
    }

    private void handleCurrentFareRules(RoutingContext context) {
        exchange.respond(context, 200, fareBook::versionInForce);
    }

    private void handleFareRulesVersions(RoutingContext context) {
        exchange.respond(context, 200, fareBook::versions);
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
