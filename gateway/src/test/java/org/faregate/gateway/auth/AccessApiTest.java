package org.faregate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.ErrorBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operator and rider tokens over real HTTP: 401 versus 403, roles, riders' own accounts, revocation, no leaks. */
@ExtendWith(SharedGateway.class)
class AccessApiTest {

    private final GatewayClient admin;
    private final GatewayClient anonymous;

    AccessApiTest(GatewayClient client) {
        this.admin = client;
        this.anonymous = client.anonymous();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private GatewayClient operator(String role) {
        return admin.withToken(admin.createOperator(unique(role), role).token());
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticatedAndChallenged() {
        GatewayClient.Reply reply = anonymous.get("/v1/admin/gates");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().code()).isEqualTo("unauthenticated");
        assertThat(reply.error().message()).startsWith("missing Authorization header: send `Authorization: Bearer");
        assertThat(anonymous.challenge("/v1/admin/gates")).isEqualTo("Bearer realm=\"faregate\"");
        assertThat(anonymous.get("/v1/accounts/1").status()).isEqualTo(401);
    }

    @Test
    void everySpellingOfAGuardedPathIsGuardedAsTheRouterReadsIt() {
        for (String path : List.of("/v1/%61dmin/gates", "/v1/admin/./gates", "/v1/x/../admin/gates",
                "/v1/admin/gates/", "/v1/admin//gates")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anUnknownOrMalformedTokenIsUnauthenticatedAndNeverEchoed() {
        String guessed = "fgo_" + "A".repeat(43);
        GatewayClient.Reply unknown = admin.withToken(guessed).get("/v1/admin/gates");
        GatewayClient.Reply malformed = admin.withToken("not a token!").get("/v1/admin/gates");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error()).isEqualTo(new ErrorBody("unauthenticated", "the operator token is not known to this gateway"));
        assertThat(admin.withToken(guessed).challenge("/v1/admin/gates"))
                .isEqualTo("Bearer realm=\"faregate\", error=\"invalid_token\"");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.error().message()).startsWith("malformed bearer token:").doesNotContain("not a token");
        assertThat(admin.withToken("fgr_" + "B".repeat(43)).get("/v1/accounts/1").error().message())
                .isEqualTo("the rider token is not known to this gateway");
    }

    @Test
    void aRoleOpensItsRoutesAndIsForbiddenTheRest() {
        GatewayClient fares = operator("fares");
        GatewayClient auditor = operator("auditor");

        GatewayClient.Reply deny = fares.postJson("/v1/admin/deny", "{}");
        assertThat(fares.get("/v1/admin/fare-rules").status()).isEqualTo(200);
        assertThat(deny.status()).isEqualTo(403);
        assertThat(deny.error().code()).isEqualTo("forbidden");
        assertThat(deny.error().message()).matches("operator 'fares-[0-9a-f]{8}' has role fares; POST /v1/admin/deny"
                + " needs one of: admin, support");
        assertThat(auditor.get("/v1/admin/reconciliation").status()).isEqualTo(200);
        assertThat(auditor.get("/v1/admin/issuer-keys").status()).isEqualTo(200);
        assertThat(auditor.postJson("/v1/admin/issuer-keys", "").status()).isEqualTo(403);
        assertThat(auditor.get("/v1/admin/operators").status()).isEqualTo(403);
    }

    @Test
    void aRiderReadsAndTopsUpItsOwnAccountOnly() {
        Accounts.Opened a = anonymous.open("adult");
        Accounts.Opened b = anonymous.open("adult");
        GatewayClient riderA = admin.withToken(a.riderToken());

        assertThat(a.riderToken()).startsWith("fgr_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(riderA.account(a.accountId())).isEqualTo(a.view());
        assertThat(riderA.topUp(a.accountId(), 500, "CNY", unique("top-up")).status()).isEqualTo(200);

        GatewayClient.Reply other = riderA.get("/v1/accounts/" + b.accountId());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.error()).isEqualTo(new ErrorBody("forbidden", "this rider token opens account "
                + a.accountId() + " only, not /v1/accounts/" + b.accountId()));
        assertThat(riderA.topUp(b.accountId(), 500, "CNY", unique("top-up")).status()).isEqualTo(403);
        assertThat(riderA.get("/v1/accounts/" + b.accountId() + "/history").status()).isEqualTo(403);
        assertThat(riderA.get("/v1/admin/reconciliation").error().code()).isEqualTo("forbidden");
    }

    @Test
    void supportAndAuditorsReadAnyAccountButOnlySupportTopsUp() {
        Accounts.Opened rider = anonymous.open("adult");
        GatewayClient support = operator("support");
        GatewayClient auditor = operator("auditor");

        assertThat(auditor.account(rider.accountId())).isEqualTo(rider.view());
        assertThat(auditor.history(rider.accountId()).entries()).isEmpty();
        assertThat(auditor.topUp(rider.accountId(), 100, "CNY", unique("top-up")).status()).isEqualTo(403);
        assertThat(support.topUp(rider.accountId(), 100, "CNY", unique("top-up")).status()).isEqualTo(200);
        assertThat(operator("fares").get("/v1/accounts/" + rider.accountId()).status()).isEqualTo(403);
    }

    @Test
    void aLargeUploadWithoutAValidTokenIsRefusedUnreadAndTheConnectionServesOn() {
        String fiveMegabytes = "x".repeat(5 * 1024 * 1024);

        GatewayClient.Reply anonymousUpload = anonymous.put("/v1/admin/fare-rules", fiveMegabytes);
        GatewayClient.Reply unknownUpload = admin.withToken("fgo_" + "C".repeat(43)).put("/v1/admin/fare-rules", fiveMegabytes);
        GatewayClient.Reply auditorUpload = operator("auditor").put("/v1/admin/fare-rules", fiveMegabytes);

        assertThat(anonymousUpload.error().code()).isEqualTo("unauthenticated");
        assertThat(unknownUpload.error().code()).isEqualTo("unauthenticated");
        assertThat(auditorUpload.error().code()).isEqualTo("forbidden");
        assertThat(admin.get("/v1/admin/gates").status()).isEqualTo(200);
        assertThat(anonymous.get("/v1/issuer-keys").status()).isEqualTo(200);
    }

    @Test
    void supportReplacesALostRiderTokenAndTheOldOneStopsWorking() {
        Accounts.Opened rider = anonymous.open("adult");
        String path = "/v1/admin/accounts/" + rider.accountId() + "/rider-token";

        OperatorRoutes.RiderToken replaced = operator("support").post(path, "").expect(200, OperatorRoutes.RiderToken.class);

        assertThat(replaced.accountId()).isEqualTo(rider.accountId());
        assertThat(replaced.riderToken()).startsWith("fgr_").isNotEqualTo(rider.riderToken());
        assertThat(admin.withToken(rider.riderToken()).get("/v1/accounts/" + rider.accountId()).status()).isEqualTo(401);
        assertThat(admin.withToken(replaced.riderToken()).account(rider.accountId())).isEqualTo(rider.view());
        assertThat(operator("auditor").post(path, "").status()).isEqualTo(403);
        assertThat(admin.withToken(replaced.riderToken()).post(path, "").status()).isEqualTo(403);
        assertThat(admin.post("/v1/admin/accounts/99999999/rider-token", "").error().code()).isEqualTo("unknown_account");
    }

    @Test
    void anAdminRouteTheTableDoesNotListIsForbiddenEvenToAnAdmin() {
        GatewayClient.Reply reply = admin.get("/v1/admin/not-in-the-table");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error().message()).isEqualTo("GET /v1/admin/not-in-the-table is not in the permission table,"
                + " so no token opens it");
    }

    @Test
    void aListedAdminPathUnderAnotherMethodIsMethodNotAllowed() {
        GatewayClient.Reply reply = admin.delete("/v1/admin/gates");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.error().code()).isEqualTo("method_not_allowed");
        assertThat(reply.error().message()).isEqualTo("DELETE is not allowed on /v1/admin/gates; it takes GET, POST");
    }

    @Test
    void aRevokedOperatorIsRefusedOnTheNextRequest() {
        OperatorService.CreatedOperator created = admin.createOperator(unique("leaver"), "auditor");
        GatewayClient leaver = admin.withToken(created.token());
        assertThat(leaver.get("/v1/admin/gates").status()).isEqualTo(200);

        OperatorService.OperatorView revoked = admin.post("/v1/admin/operators/" + created.operatorId() + "/revoke", "")
                .expect(200, OperatorService.OperatorView.class);
        GatewayClient.Reply next = leaver.get("/v1/admin/gates");

        assertThat(revoked.revokedBy()).isEqualTo("operator:bootstrap");
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.error().message()).startsWith("the token of operator '" + created.operatorId() + "' was revoked at ");
        assertThat(admin.post("/v1/admin/operators/nobody-here/revoke", "").error().code()).isEqualTo("unknown_operator");
    }

    @Test
    void operatorsAreListedWithoutTokensAndIdsAreNeverReused() {
        OperatorService.CreatedOperator created = admin.createOperator(unique("lister"), "support");
        String listing = admin.get("/v1/admin/operators").text();

        assertThat(created.createdBy()).isEqualTo("operator:bootstrap");
        assertThat(listing).contains("\"operatorId\":\"" + created.operatorId() + "\"", "\"role\":\"support\"")
                .doesNotContain(created.token(), BearerToken.parse(created.token()).hash(), "token");
        GatewayClient.Reply again = admin.post("/v1/admin/operators",
                new OperatorRoutes.CreateRequest(created.operatorId(), "admin"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error().code()).isEqualTo("operator_exists");
        GatewayClient.Reply badRole = admin.post("/v1/admin/operators", new OperatorRoutes.CreateRequest("x", "root"));
        assertThat(badRole.error()).isEqualTo(new ErrorBody("malformed_request",
                "role: expected one of admin, fares, support, auditor, got 'root'"));
    }

    @Test
    void tokensNeverReachTheLogButOperatorIdsDo() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OperatorService.CreatedOperator created;
        Accounts.Opened rider;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            created = admin.createOperator(unique("logged"), "support");
            GatewayClient support = admin.withToken(created.token());
            rider = anonymous.open("adult");
            support.postJson("/v1/admin/deny", "{\"credentialId\":\"" + UUID.randomUUID() + "\",\"reason\":\"lost\"}");
            admin.withToken(rider.riderToken()).get("/v1/admin/gates");
            admin.post("/v1/admin/operators/" + created.operatorId() + "/revoke", "");
            support.get("/v1/admin/gates");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("operator=" + created.operatorId(), "actor=operator:" + created.operatorId())
                .doesNotContain(created.token(), rider.riderToken(),
                        created.token().substring(4, 20), rider.riderToken().substring(4, 20));
    }
}
