package org.faregate.gateway.accounts;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.auth.Authenticator;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.wire.Accounts;

/**
 * {@code /v1/accounts}: open (answers the rider token of the new account, once), view, top up, history. Who may
 * call which is {@code auth.Permissions}'s to say.
 */
public final class AccountRoutes implements Routes {

    private final AccountService service;
    private final Authenticator authenticator;
    private final JsonExchange exchange;

    public AccountRoutes(AccountService service, Authenticator authenticator, JsonExchange exchange) {
        this.service = service;
        this.authenticator = authenticator;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/accounts").handler(this::handleOpen);
        router.get("/v1/accounts/:id").handler(this::handleView);
        router.post("/v1/accounts/:id/top-ups").handler(this::handleTopUp);
        router.get("/v1/accounts/:id/history").handler(this::handleHistory);
    }

    private void handleOpen(RoutingContext context) {
        Accounts.OpenRequest request = exchange.body(context, Accounts.OpenRequest.class);
        exchange.respond(context, 201, () -> {
            Accounts.View opened = service.open(request);
            return Accounts.Opened.of(opened, authenticator.issueRiderToken(opened.accountId()).reveal());
        });
    }

    private void handleView(RoutingContext context) {
        AccountId id = JsonExchange.accountId(context);
        exchange.respond(context, 200, () -> service.view(id));
    }

    private void handleTopUp(RoutingContext context) {
        AccountId id = JsonExchange.accountId(context);
        Accounts.TopUpRequest request = exchange.body(context, Accounts.TopUpRequest.class);
        exchange.respond(context, 200, () -> service.topUp(id, request));
    }

    private void handleHistory(RoutingContext context) {
        AccountId id = JsonExchange.accountId(context);
        exchange.respond(context, 200, () -> service.history(id));
    }
}
