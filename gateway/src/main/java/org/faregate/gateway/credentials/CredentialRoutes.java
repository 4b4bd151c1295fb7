package org.faregate.gateway.credentials;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.wire.Accounts;

/** Credential issuance. */
public final class CredentialRoutes implements Routes {

    private final CredentialService service;
    private final JsonExchange exchange;

    public CredentialRoutes(CredentialService service, JsonExchange exchange) {
        this.service = service;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/accounts/:id/credentials").handler(this::handleIssue);
    }

    private void handleIssue(RoutingContext context) {
        AccountId id = JsonExchange.accountId(context);
        Accounts.CredentialRequest request = exchange.body(context, Accounts.CredentialRequest.class);
        exchange.respond(context, 201, () -> service.issue(id, request));
    }
}
