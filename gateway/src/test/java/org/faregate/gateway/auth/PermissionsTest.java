package org.faregate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.protocol.AccountId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The permission table: who may call what, and that whatever it does not list nobody may call. */
class PermissionsTest {

    private static final Principal RIDER_7 = new Principal.Rider(AccountId.of(7));

    private static Principal operator(String role) {
        return new Principal.Operator("alice", Role.find(role).orElseThrow());
    }

    private static void authorize(String method, String path, Principal principal) {
        Permissions.authorize(Permissions.ruleFor(method, path), path, principal);
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @CsvSource({
            "PUT, /v1/admin/fare-rules, fares, allowed",
            "PUT, /v1/admin/fare-rules, auditor, refused",
            "PUT, /v1/admin/fare-rules, support, refused",
            "GET, /v1/admin/fare-rules/versions, auditor, allowed",
            "GET, /v1/admin/fare-rules, fares, allowed",
            "POST, /v1/admin/deny, support, allowed",
            "POST, /v1/admin/deny, fares, refused",
            "POST, /v1/admin/deny, auditor, refused",
            "DELETE, /v1/admin/deny/0b7a4a6e-1f7e-4a47-9b1a-2f1d0c5e9a11, support, allowed",
            "POST, /v1/admin/accounts/12/adjustments, support, allowed",
            "POST, /v1/admin/accounts/12/refunds, support, allowed",
            "POST, /v1/admin/accounts/12/refunds, auditor, refused",
            "POST, /v1/admin/accounts/12/rider-token, support, allowed",
            "POST, /v1/admin/accounts/12/rider-token, auditor, refused",
            "GET, /v1/admin/reconciliation, auditor, allowed",
            "GET, /v1/admin/reconciliation, support, refused",
            "GET, /v1/admin/gates, auditor, allowed",
            "GET, /v1/admin/gates/S01-IN-1, auditor, allowed",
            "POST, /v1/admin/gates, auditor, refused",
            "POST, /v1/admin/gates, admin, allowed",
            "POST, /v1/admin/gates/S01-IN-1/revoke, support, refused",
            "GET, /v1/admin/issuer-keys, auditor, allowed",
            "POST, /v1/admin/issuer-keys, auditor, refused",
            "POST, /v1/admin/issuer-keys/2/retire, admin, allowed",
            "POST, /v1/admin/operators, support, refused",
            "GET, /v1/admin/operators, auditor, refused",
            "POST, /v1/admin/operators/bob/revoke, admin, allowed",
            "GET, /v1/accounts/12, auditor, allowed",
            "GET, /v1/accounts/12/history, support, allowed",
            "GET, /v1/accounts/12, fares, refused",
            "POST, /v1/accounts/12/top-ups, support, allowed",
            "POST, /v1/accounts/12/top-ups, auditor, refused",
            "POST, /v1/accounts/12/credentials, admin, allowed",
            "POST, /v1/accounts/12/credentials, auditor, refused",
    })
    void eachRoleOpensItsRoutesOnly(String method, String path, String role, String outcome) {
        if (outcome.equals("allowed")) {
            assertThatCode(() -> authorize(method, path, operator(role))).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> authorize(method, path, operator(role)))
                    .isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.refusal()).isEqualTo(Refusal.FORBIDDEN))
                    .hasMessageContaining("has role " + role).hasMessageContaining("needs one of: admin");
        }
    }

    @Test
    void adminMayCallEveryListedRoute() {
        for (Permissions.Rule rule : Permissions.table()) {
            String path = rule.pattern().replaceAll(":[A-Za-z]+", "12");
            assertThatCode(() -> authorize(rule.method(), path, operator("admin"))).as(rule.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aGuardedRouteTheTableDoesNotListIsRefusedEvenToAnAdmin() {
        assertThatThrownBy(() -> authorize("POST", "/v1/admin/forgotten", operator("admin")))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.FORBIDDEN))
                .hasMessage("POST /v1/admin/forgotten is not in the permission table, so no token opens it");
    }

    @Test
    void aListedPathUnderAnotherMethodIsNotAllowedAndSaysWhichMethodsItTakes() {
        assertThatThrownBy(() -> Permissions.ruleFor("HEAD", "/v1/admin/gates"))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.METHOD_NOT_ALLOWED))
                .hasMessage("HEAD is not allowed on /v1/admin/gates; it takes GET, POST");
        assertThatThrownBy(() -> Permissions.ruleFor("DELETE", "/v1/accounts/7"))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.METHOD_NOT_ALLOWED))
                .hasMessage("DELETE is not allowed on /v1/accounts/7; it takes GET");
    }

    @Test
    void aRiderOpensItsOwnAccountOnly() {
        assertThatCode(() -> authorize("GET", "/v1/accounts/7", RIDER_7)).doesNotThrowAnyException();
        assertThatCode(() -> authorize("POST", "/v1/accounts/7/top-ups", RIDER_7)).doesNotThrowAnyException();
        assertThatCode(() -> authorize("GET", "/v1/accounts/7/history/", RIDER_7)).doesNotThrowAnyException();

        assertThatThrownBy(() -> authorize("GET", "/v1/accounts/8", RIDER_7))
                .hasMessage("this rider token opens account 7 only, not /v1/accounts/8");
        assertThatThrownBy(() -> authorize("GET", "/v1/accounts/007x", RIDER_7)).isInstanceOf(RefusedException.class);
    }

    @Test
    void aRiderTokenNeverOpensTheOperatorApi() {
        assertThatThrownBy(() -> authorize("POST", "/v1/admin/accounts/7/refunds", RIDER_7))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.FORBIDDEN))
                .hasMessage("a rider token does not open POST /v1/admin/accounts/:id/refunds; it needs an operator"
                        + " token with one of: admin, support");
    }

    @Test
    void openingAnAccountNeedsNoToken() {
        assertThat(Permissions.ruleFor("POST", "/v1/accounts").open()).isTrue();
        assertThat(Permissions.table().stream().filter(Permissions.Rule::open)).hasSize(1);
    }

    @Test
    void theTableGuardsTheOperatorAndAccountApisOnly() {
        assertThat(Permissions.guards("/v1/admin")).isTrue();
        assertThat(Permissions.guards("/v1/admin/anything/at/all")).isTrue();
        assertThat(Permissions.guards("/v1/accounts")).isTrue();
        assertThat(Permissions.guards("/v1/accounts/7/history")).isTrue();
        assertThat(Permissions.guards("/v1/administrators")).isFalse();
        assertThat(Permissions.guards("/v1/taps")).isFalse();
        assertThat(Permissions.guards("/v1/deny-list")).isFalse();
        assertThat(Permissions.guards("/v1/issuer-keys")).isFalse();
        assertThat(Permissions.guards("/health")).isFalse();
    }

    @Test
    void unlistedNamesGuardedRoutesWithoutAnEntryWhateverTheirParameterNames() {
        List<Permissions.Endpoint> routes = List.of(
                new Permissions.Endpoint("GET", "/v1/admin/gates/:id"),
                new Permissions.Endpoint("POST", "/v1/admin/accounts/:accountId/refunds"),
                new Permissions.Endpoint("GET", "/v1/taps"),
                new Permissions.Endpoint("POST", "/v1/admin/forgotten/:x"),
                new Permissions.Endpoint("DELETE", "/v1/admin/gates/:gateId"));

        assertThat(Permissions.unlisted(routes)).containsExactly(
                new Permissions.Endpoint("POST", "/v1/admin/forgotten/:x"),
                new Permissions.Endpoint("DELETE", "/v1/admin/gates/:gateId"));
    }
}
