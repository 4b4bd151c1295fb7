package org.faregate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.faregate.gateway.GatewayClient;
import org.faregate.protocol.GateId;
import org.faregate.gateway.SharedGateway;
import org.faregate.protocol.wire.ErrorBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedGateway.class)
class HttpErrorsTest {

    private static final String TAP = """
            {"tapId":"%s","gateId":"G1","stationId":"S01","direction":"entry","at":"2026-03-02T00:00:00Z",
             "channel":"%s","credentialId":null,"accountId":null,"reason":"bad_signature"}""";

    private final GatewayClient client;

    HttpErrorsTest(GatewayClient client) {
        this.client = client;
    }

    @Test
    void batchWithABadTapIdIsRefusedNamingTheField() {
        String body = "{\"gateId\":\"G1\",\"taps\":[" + TAP.formatted("not-a-uuid", "qr") + "]}";

        GatewayClient.Reply reply = client.postTaps(GateId.of("G1"), body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().code()).isEqualTo("malformed_batch");
        assertThat(reply.error().message()).startsWith("taps[0].tapId:");
    }

    @Test
    void batchWithAnInvalidChannelIsRefusedNamingTheTap() {
        String good = TAP.formatted("6f1c1f4e-6d0b-4c43-9d57-1f0a3c2b9e10", "qr");
        String bad = TAP.formatted("6f1c1f4e-6d0b-4c43-9d57-1f0a3c2b9e11", "smoke");

        GatewayClient.Reply reply = client.postTaps(GateId.of("G1"), "{\"gateId\":\"G1\",\"taps\":[" + good + "," + bad + "]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().code()).isEqualTo("malformed_batch");
        assertThat(reply.error().message()).startsWith("taps[1]").contains("channel must be qr or nfc");
    }

    @Test
    void notJsonAtAllIsAMalformedBatch() {
        GatewayClient.Reply reply = client.postTaps(GateId.of("G1"), "{taps:");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().code()).isEqualTo("malformed_batch");
    }

    @Test
    void missingFieldOfARequestIsNamed() {
        GatewayClient.Reply reply = client.postJson("/v1/accounts", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo(new ErrorBody("malformed_request", "body: missing riderCategory"));
    }

    @Test
    void unknownAccountIsNotFound() {
        GatewayClient.Reply reply = client.get("/v1/accounts/99999999");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().code()).isEqualTo("unknown_account");
    }

    @Test
    void badAccountIdInThePathIsAMalformedRequest() {
        assertThat(client.get("/v1/accounts/abc").error().code()).isEqualTo("malformed_request");
    }

    @Test
    void unknownRouteAndWrongMethodAnswerErrorBodies() {
        GatewayClient.Reply missing = client.get("/v1/nothing-here");
        GatewayClient.Reply wrongMethod = client.delete("/v1/taps");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().code()).isEqualTo("not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.error().code()).isEqualTo("method_not_allowed");
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        GatewayClient.Reply reply = client.postTaps(GateId.of("G1"), "[" + " ".repeat(2 * 1024 * 1024) + "]");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error().code()).isEqualTo("body_too_large");
    }

    @Test
    void openApiDescriptionIsServed() {
        GatewayClient.Reply reply = client.get("/openapi.yaml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).startsWith("openapi: 3").contains("/v1/taps:", "/v1/deny-list:",
                "/v1/admin/reconciliation:", "securitySchemes:", "/v1/admin/operators:");
    }
}
