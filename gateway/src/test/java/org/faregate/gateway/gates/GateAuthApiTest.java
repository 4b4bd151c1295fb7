package org.faregate.gateway.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.Taps;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.auth.BatchSignature;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.protocol.wire.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /v1/taps over real HTTP: only a registered, unrevoked gate's correctly signed batch is ingested. */
@ExtendWith(SharedGateway.class)
class GateAuthApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final WireJson JSON = new WireJson();

    private final Gateway gateway;
    private final GatewayClient client;

    GateAuthApiTest(Gateway gateway, GatewayClient client) {
        this.gateway = gateway;
        this.client = client;
    }

    /** A fresh gate id per test, with a fresh key pair registered for it. */
    private record Installed(GateId gate, SigningKey key) {
    }

    private Installed installed(String name) {
        GateId gate = GateId.of("AUTH-" + name + "-" + RANDOM.nextInt(1_000_000));
        SigningKey key = SigningKey.generate(RANDOM);
        assertThat(client.registerGate(gate, key.verifyingKey()).status()).isEqualTo(201);
        return new Installed(gate, key);
    }

    private byte[] batchOf(GateId gate) {
        TapRecord tap = new TapRecord(TapId.timeOrdered(Instant.now(), RANDOM), gate, StationId.of("S01"), Direction.ENTRY,
                Taps.at("08:00"), "nfc", null, null, Reason.BAD_SIGNATURE);
        return JSON.write(new TapBatch(gate, List.of(tap)));
    }

    private static TapId firstTap(byte[] body) throws Exception {
        return JSON.read(body, TapBatch.class).taps().get(0).tapId();
    }

    private GatewayClient.Reply post(Installed by, byte[] body) {
        return client.postSignedTaps(body, BatchSignature.sign(by.key(), by.gate(), Instant.now(), body));
    }

    /** How many rows the gateway's database holds for this tap: 0 or 1. */
    private int stored(TapId tap) throws Exception {
        try (Connection db = gateway.dataSource().getConnection();
             PreparedStatement query = db.prepareStatement("select count(*) from taps where tap_id = ?")) {
            query.setObject(1, tap.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    void aRegisteredGatesSignedBatchIsIngested() throws Exception {
        Installed gate = installed("OK");
        byte[] body = batchOf(gate.gate());

        TapBatchAck ack = post(gate, body).expect(200, TapBatchAck.class);

        assertThat(ack.committed()).containsExactly(firstTap(body));
        assertThat(stored(firstTap(body))).isEqualTo(1);
    }

    @Test
    void anUnsignedBatchIsRefused() throws Exception {
        byte[] body = batchOf(Taps.GATE);
        GatewayClient.Reply reply = client.postJson("/v1/taps", new String(body, StandardCharsets.UTF_8));

        assertThat(stored(firstTap(body))).isZero();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().code()).isEqualTo("unsigned_batch");
        assertThat(reply.error().message()).contains("Faregate-Signature");
    }

    @Test
    void aMalformedSignatureHeaderIsRefusedNamingTheHeader() {
        Installed gate = installed("MALFORMED");
        byte[] body = batchOf(gate.gate());
        BatchSignature good = BatchSignature.sign(gate.key(), gate.gate(), Instant.now(), body);

        GatewayClient.Reply reply = client.postTaps(body, Map.of(BatchSignature.GATE_HEADER, gate.gate().value(),
                BatchSignature.TIME_HEADER, "yesterday", BatchSignature.SIGNATURE_HEADER, good.signatureHeader()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().code()).isEqualTo("malformed_signature");
        assertThat(reply.error().message()).contains("Faregate-Time");
    }

    @Test
    void anUnknownGateIsRefused() throws Exception {
        GateId stranger = GateId.of("AUTH-STRANGER-" + RANDOM.nextInt(1_000_000));
        byte[] body = batchOf(stranger);

        GatewayClient.Reply reply = post(new Installed(stranger, SigningKey.generate(RANDOM)), body);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().code()).isEqualTo("unknown_gate");
        assertThat(stored(firstTap(body))).isZero();
        assertThat(reply.error().message()).contains(stranger.value(), "POST /v1/admin/gates");
    }

    @Test
    void aSignatureByAnotherKeyOrOverOtherBytesIsRefused() throws Exception {
        Installed gate = installed("BADSIG");
        byte[] body = batchOf(gate.gate());
        BatchSignature overOtherBytes = BatchSignature.sign(gate.key(), gate.gate(), Instant.now(), batchOf(gate.gate()));

        GatewayClient.Reply impostor = post(new Installed(gate.gate(), SigningKey.generate(RANDOM)), body);
        GatewayClient.Reply swapped = client.postSignedTaps(body, overOtherBytes);

        assertThat(impostor.status()).isEqualTo(401);
        assertThat(impostor.error().code()).isEqualTo("bad_signature");
        assertThat(swapped.error().code()).isEqualTo("bad_signature");
        assertThat(stored(firstTap(body))).isZero();
    }

    @Test
    void aSignatureFarFromTheGatewaysClockIsRefused() {
        Installed gate = installed("STALE");
        byte[] body = batchOf(gate.gate());
        Instant longAgo = Instant.now().minus(GateAuthenticator.MAX_CLOCK_DIFFERENCE).minus(Duration.ofMinutes(1));

        GatewayClient.Reply reply = client.postSignedTaps(body,
                BatchSignature.sign(gate.key(), gate.gate(), longAgo, body));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().code()).isEqualTo("stale_signature");
        assertThat(reply.error().message()).contains("check the gate's clock");
    }

    @Test
    void aGateCannotDeliverAnotherGatesTaps() throws Exception {
        Installed gate = installed("MINE");
        Installed other = installed("THEIRS");
        byte[] theirs = batchOf(other.gate());

        GatewayClient.Reply reply = post(gate, theirs);

        assertThat(stored(firstTap(theirs))).isZero();
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error().code()).isEqualTo("gate_mismatch");
        assertThat(reply.error().message()).contains(other.gate().value(), gate.gate().value());
    }

    @Test
    void revocationRefusesTheNextBatchAndNothingOfItIsIngested() throws Exception {
        Installed gate = installed("REVOKED");
        post(gate, batchOf(gate.gate())).expect(200, TapBatchAck.class);

        RegisteredGate revoked = client.post("/v1/admin/gates/" + gate.gate() + "/revoke",
                new GateRoutes.RevokeRequest("security desk")).expect(200, RegisteredGate.class);
        byte[] next = batchOf(gate.gate());
        GatewayClient.Reply refused = post(gate, next);

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(revoked.revokedBy()).as("the authenticated operator wins over the body's revokedBy")
                .isEqualTo("operator:bootstrap");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error().code()).isEqualTo("gate_revoked");
        assertThat(stored(firstTap(next))).isZero();

        // Re-registered with a new key, the gate delivers the refused batch: its tap is new to the gateway.
        SigningKey replacement = SigningKey.generate(RANDOM);
        assertThat(client.registerGate(gate.gate(), gate.key().verifyingKey()).error().code())
                .isEqualTo("gate_key_conflict");
        assertThat(client.registerGate(gate.gate(), replacement.verifyingKey()).status()).isEqualTo(201);
        TapBatchAck ack = post(new Installed(gate.gate(), replacement), next).expect(200, TapBatchAck.class);
        assertThat(ack.committed()).containsExactly(firstTap(next));
        assertThat(stored(firstTap(next))).isEqualTo(1);
    }

    @Test
    void registeringIsIdempotentAndAnotherKeyNeedsARevocationFirst() {
        Installed gate = installed("TWICE");

        GatewayClient.Reply again = client.registerGate(gate.gate(), gate.key().verifyingKey());
        GatewayClient.Reply otherKey = client.registerGate(gate.gate(), SigningKey.generate(RANDOM).verifyingKey());
        RegisteredGate[] listed = client.get("/v1/admin/gates").expect(200, RegisteredGate[].class);

        assertThat(again.status()).isEqualTo(200);
        assertThat(otherKey.status()).isEqualTo(409);
        assertThat(otherKey.error().code()).isEqualTo("gate_key_conflict");
        assertThat(listed).filteredOn(registered -> registered.gateId().equals(gate.gate())).singleElement()
                .satisfies(registered -> {
                    assertThat(registered.publicKey()).isEqualTo(gate.key().verifyingKey().compressed().toHex());
                    assertThat(registered.registeredBy()).isEqualTo("operator:bootstrap");
                    assertThat(registered.revokedAt()).isNull();
                });
    }

    @Test
    void anUnreadablePublicKeyIsRefusedAtRegistration() {
        GatewayClient.Reply reply = client.post("/v1/admin/gates",
                new GateRoutes.RegisterRequest("AUTH-BADKEY", "02abcd", "test"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().code()).isEqualTo("malformed_request");
        assertThat(reply.error().message()).startsWith("publicKey:");
    }
}
