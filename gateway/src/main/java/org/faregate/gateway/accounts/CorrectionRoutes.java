package org.faregate.gateway.accounts;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.accounts.WalletCorrections.CorrectionRequest;
import org.faregate.gateway.auth.Caller;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.AccountId;

/** {@code /v1/admin/accounts/:id}: an operator's adjustments and refunds of a wallet, recorded with the actor. */
public final class CorrectionRoutes implements Routes {

    private final WalletCorrections corrections;
    private final JsonExchange exchange;

    public CorrectionRoutes(WalletCorrections corrections, JsonExchange exchange) {
        this.corrections = corrections;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/admin/accounts/:id/adjustments").handler(this::handleAdjustment);
        router.post("/v1/admin/accounts/:id/refunds").handler(this::handleRefund);
    }

    private void handleAdjustment(RoutingContext context) {
        AccountId id = JsonExchange.accountId(context);
        CorrectionRequest request = exchange.body(context, CorrectionRequest.class);
        String actor = Caller.actor(context);
        exchange.respond(context, 200, () -> corrections.adjust(id, request, actor));
    }

    private void handleRefund(RoutingContext context) {
        AccountId id = JsonExchange.accountId(context);
        CorrectionRequest request = exchange.body(context, CorrectionRequest.class);
        String actor = Caller.actor(context);
        exchange.respond(context, 200, () -> corrections.refund(id, request, actor));
    }
}
