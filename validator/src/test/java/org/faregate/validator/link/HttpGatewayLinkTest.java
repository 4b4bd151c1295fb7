package org.faregate.validator.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.feed.DenyFeedHeader;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.protocol.wire.WireJson;
import org.faregate.protocol.auth.BatchSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpGatewayLinkTest {

    private static final SigningKey FEED_KEY = SigningKey.generate(new SecureRandom());
    private static final Instant FEED_TIME = Instant.parse("2026-11-25T08:00:00Z");
    private final WireJson json = new WireJson();
    private static final GateIdentity GATE = new GateIdentity(GateId.of("G1"), SigningKey.generate(new SecureRandom()));
    private static final Instant SENT_AT = Instant.parse("2026-11-25T09:15:00.123Z");
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
    private final AtomicReference<BatchSignature> lastSignature = new AtomicReference<>();
    private HttpServer server;
    private HttpGatewayLink link;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/taps", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            lastBody.set(body);
            lastSignature.set(BatchSignature.parse(exchange.getRequestHeaders().getFirst(BatchSignature.GATE_HEADER),
                    exchange.getRequestHeaders().getFirst(BatchSignature.TIME_HEADER),
                    exchange.getRequestHeaders().getFirst(BatchSignature.SIGNATURE_HEADER)));
            TapBatch batch = readBatch(body);
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            respond(exchange, 200, json.write(new TapBatchAck(
                    batch.taps().stream().map(TapRecord::tapId).toList(), List.of())));
        });
        server.createContext("/v1/deny-list", exchange -> {
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Accept"));
            ByteArrayOutputStream feed = new ByteArrayOutputStream();
            DenyListCodec.write(new DenyListDelta(0, 3, true, List.of(new DenyChange(new CredentialId(new java.util.UUID(1, 2)),
                    true, 3, "x"))), FEED_TIME, KeyId.of(7), FEED_KEY, feed);
            byte[] body = feed.toByteArray();
            if (exchange.getRequestURI().getQuery().equals("since=5")) {
                body = java.util.Arrays.copyOf(body, body.length - 3);
            }
            exchange.getResponseHeaders().add("Content-Type", DenyListCodec.MEDIA_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/issuer-keys", exchange -> respond(exchange, 503,
                "{\"code\":\"unavailable\",\"message\":\"database down\"}".getBytes(StandardCharsets.UTF_8)));
        server.start();
        link = new HttpGatewayLink(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), GATE,
                () -> SENT_AT, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private TapBatch readBatch(byte[] body) throws IOException {
        try {
            return json.read(body, TapBatch.class);
        } catch (org.faregate.protocol.wire.WireFormatException e) {
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void postsTapsAndReadsTheAck() throws Exception {
        TapRecord tap = new TapRecord(TapId.timeOrdered(Instant.now(), new SecureRandom()), GateId.of("G1"), StationId.of("S01"),
                Direction.EXIT, java.time.Instant.parse("2025-06-02T08:00:00Z"), "qr", null, null, Reason.EXPIRED_TOKEN);

        TapBatchAck ack = link.sendTaps(new TapBatch(GateId.of("G1"), List.of(tap)));

        assertThat(ack.committed()).containsExactly(tap.tapId());
        assertThat(lastRequest.get()).isEqualTo("POST /v1/taps");
    }

    @Test
    void everyBatchCarriesTheGatesSignatureOverTheExactBodySent() throws Exception {
        TapRecord tap = new TapRecord(TapId.timeOrdered(Instant.now(), new SecureRandom()), GateId.of("G1"), StationId.of("S01"),
                Direction.ENTRY, Instant.parse("2026-11-25T09:14:00Z"), "nfc", null, null, Reason.CARD_ERROR);

        link.sendTaps(new TapBatch(GateId.of("G1"), List.of(tap)));

        BatchSignature signature = lastSignature.get();
        assertThat(signature.gateId()).isEqualTo(GateId.of("G1"));
        assertThat(signature.signedAt()).isEqualTo(SENT_AT);
        assertThatCode(() -> signature.verify(GATE.publicKey(), lastBody.get())).doesNotThrowAnyException();
        byte[] altered = lastBody.get().clone();
        altered[altered.length - 2] ^= 1;
        assertThatThrownBy(() -> signature.verify(GATE.publicKey(), altered))
                .isInstanceOf(java.security.SignatureException.class);
    }

    @Test
    void aLinkSignsOnlyItsOwnGatesBatches() {
        TapRecord tap = new TapRecord(TapId.timeOrdered(Instant.now(), new SecureRandom()), GateId.of("G2"), StationId.of("S01"),
                Direction.ENTRY, Instant.parse("2026-11-25T09:14:00Z"), "nfc", null, null, Reason.CARD_ERROR);

        assertThatThrownBy(() -> link.sendTaps(new TapBatch(GateId.of("G2"), List.of(tap))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signs for gate G1");
        assertThat(lastRequest.get()).isNull();
    }

    @Test
    void asksForTheSignedFeedSinceAVersion() throws Exception {
        List<String> entries = new java.util.ArrayList<>();
        FeedSignature feed = link.fetchDenyList(17, new DenyFeedSink() {
            @Override
            public void begin(DenyFeedHeader header) {
                entries.add("begin " + header.count());
            }

            @Override
            public void entry(long most, long least, long version, boolean denied) {
                entries.add(most + ":" + least + " v" + version + " " + denied);
            }
        });

        assertThat(feed.header().snapshot()).isTrue();
        assertThat(feed.header().issuedAt()).isEqualTo(FEED_TIME);
        feed.verify(IssuerKeys.of(KeyId.of(7), FEED_KEY.verifyingKey()), FEED_TIME);
        assertThat(entries).containsExactly("begin 1", "1:2 v3 true");
        assertThat(lastRequest.get()).isEqualTo("GET /v1/deny-list?since=17 " + DenyListCodec.MEDIA_TYPE);
    }

    @Test
    void aTruncatedFeedIsAnAnswerThatCannotBeUsed() {
        assertThatThrownBy(() -> link.fetchDenyList(5, new DenyListReceiverForTest()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.unreachable()).isFalse())
                .hasMessageContaining("feed_malformed").hasMessageContaining("signature");
    }

    @Test
    void errorStatusNamesTheUrlTheStatusAndTheGatewaysCode() {
        assertThatThrownBy(() -> link.fetchIssuerKeys())
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).hasValue(503);
                    assertThat(e.unreachable()).isFalse();
                    assertThat(e.uri().getPath()).isEqualTo("/v1/issuer-keys");
                })
                .hasMessageContaining("/v1/issuer-keys").hasMessageContaining("503").hasMessageContaining("unavailable");
    }

    @Test
    void gatewayThatIsNotListeningIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpGatewayLink nowhere = new HttpGatewayLink(URI.create("http://127.0.0.1:" + port + "/"), GATE);

        assertThatThrownBy(() -> nowhere.fetchDenyList(0, new DenyListReceiverForTest()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.unreachable()).isTrue())
                .hasMessageContaining("127.0.0.1:" + port);
    }

    /** Takes whatever the feed holds. */
    private static final class DenyListReceiverForTest implements DenyFeedSink {
        @Override
        public void begin(DenyFeedHeader header) {
        }

        @Override
        public void entry(long most, long least, long version, boolean denied) {
        }
    }
}
