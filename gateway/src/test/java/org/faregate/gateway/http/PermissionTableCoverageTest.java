package org.faregate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.auth.Authenticator;
import org.faregate.gateway.auth.Permissions;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.wire.WireJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fail closed at build time too: a router with an operator or account route that the permission table does not
 * list cannot be built, so a gateway with one does not start (and a started gateway is proof its routes are all
 * listed).
 */
@ExtendWith(SharedGateway.class)
class PermissionTableCoverageTest {

    private static Vertx vertx;
    private static Database database;
    private static JsonExchange exchange;
    private static AccessGuard guard;

    @BeforeAll
    static void parts() {
        vertx = Vertx.vertx();
        database = Database.open(TestDatabases.fresh());
        exchange = new JsonExchange(new WireJson(), vertx.createSharedWorkerExecutor("coverage-test", 1));
        guard = new AccessGuard(new Authenticator(database, new SecureRandom(), InstantSource.system()), exchange);
    }

    @AfterAll
    static void close() {
        database.close();
        vertx.close();
    }

    private static void build(Routes feature) {
        HttpApi.router(vertx, exchange, 1024 * 1024, new RateLimiter(100, 100, System::nanoTime), guard, List.of(feature));
    }

    @Test
    void aForgottenAdminRouteStopsTheRouterFromBeingBuilt() {
        assertThatThrownBy(() -> build(router -> router.post("/v1/admin/forgotten/:thing").handler(context -> { })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Endpoint[method=POST, pattern=/v1/admin/forgotten/:thing]");
        assertThatThrownBy(() -> build(router -> router.delete("/v1/accounts/:id").handler(context -> { })))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listedRoutesWithAnyParameterNamesAndUnguardedRoutesBuild() {
        assertThatCode(() -> build(router -> {
            router.get("/v1/admin/gates/:name").handler(context -> { });
            router.post("/v1/admin/accounts/:accountId/refunds").handler(context -> { });
            router.get("/v1/something-public").handler(context -> { });
        })).doesNotThrowAnyException();
    }

    @Test
    void everyGuardedRouteOfTheRunningGatewayIsInTheTable(Gateway gateway) {
        List<String> listed = Permissions.table().stream().map(rule -> rule.method() + " " + rule.pattern()).toList();

        assertThat(gateway.port()).as("the gateway started, so HttpApi found no unlisted route").isPositive();
        assertThat(listed).contains("POST /v1/admin/operators", "GET /v1/accounts/:id", "PUT /v1/admin/fare-rules");
    }
}
