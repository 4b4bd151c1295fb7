package org.faregate.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.faregate.gateway.auth.OperatorRoutes;
import org.faregate.gateway.auth.OperatorService;
import org.faregate.gateway.gates.GateRoutes;
import org.faregate.gateway.pricing.PricingRoutes;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.GateId;
import org.faregate.protocol.auth.BatchSignature;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.ErrorBody;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;

/**
 * Real HTTP to a gateway on loopback, with the wire codec. Every request carries the client's bearer token:
 * {@link #admin} gives the gateway's bootstrap admin token, {@link #withToken} another, {@link #anonymous} none.
 */
public final class GatewayClient {

    private static final WireJson JSON = new WireJson();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;
    private final InstantSource clock;
    private final Set<GateId> registered = ConcurrentHashMap.newKeySet();

    /** A client sending {@code token} (null: no Authorization header). */
    public GatewayClient(URI base, String token) {
        this(base, token, InstantSource.system());
    }

    /** A client whose gates sign batches with {@code clock}'s time (a gateway on a test clock). */
    private GatewayClient(URI base, String token, InstantSource clock) {
        this.base = base;
        this.token = token;
        this.clock = clock;
    }

    /** A client acting as the gateway's bootstrap admin (the token its configuration holds). */
    public static GatewayClient admin(Gateway gateway) {
        return new GatewayClient(gateway.baseUri(), gateway.config().adminBootstrap().configuredToken()
                .orElseThrow(() -> new AssertionError("test gateways are configured with an admin token")).reveal());
    }

    public GatewayClient withToken(String other) {
        return new GatewayClient(base, other, clock);
    }

    public GatewayClient anonymous() {
        return new GatewayClient(base, null, clock);
    }

    /** The same client, its gates signing with {@code other}'s time (a gateway on a test clock). */
    public GatewayClient withClock(InstantSource other) {
        return new GatewayClient(base, token, other);
    }

    /** A response: status and body. */
    public record Reply(int status, byte[] body) {

        public <T> T as(Class<T> type) {
            try {
                return JSON.read(body, type);
            } catch (WireFormatException e) {
                throw new AssertionError("status " + status + ", body not a " + type.getSimpleName() + ": " + text(), e);
            }
        }

        public ErrorBody error() {
            return as(ErrorBody.class);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as {@code type}, after checking the status. */
        public <T> T expect(int expected, Class<T> type) {
            if (status != expected) {
                throw new AssertionError("expected status " + expected + " but got " + status + ": " + text());
            }
            return as(type);
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A GET asking for one media type (e.g. the gates' signed binary deny-list feed). */
    public Reply get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET());
    }

    public Reply post(String path, Object body) {
        return postJson(path, new String(JSON.write(body), StandardCharsets.UTF_8));
    }

    public Reply postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String text) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("content-type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(text)));
    }

    public Reply putZip(String path, byte[] zip) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("content-type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Accounts.View openAccount(String category) {
        return open(category).view();
    }

    /** Opens an account: the answer carries the account's rider token. */
    public Accounts.Opened open(String category) {
        return post("/v1/accounts", new Accounts.OpenRequest(category)).expect(201, Accounts.Opened.class);
    }

    /** Creates an operator as this client; the answer carries its token. */
    public OperatorService.CreatedOperator createOperator(String operatorId, String role) {
        return post("/v1/admin/operators", new OperatorRoutes.CreateRequest(operatorId, role))
                .expect(201, OperatorService.CreatedOperator.class);
    }

    public Accounts.View account(AccountId id) {
        return get("/v1/accounts/" + id).expect(200, Accounts.View.class);
    }

    public Reply topUp(AccountId id, long amountMinor, String currency, String reference) {
        return post("/v1/accounts/" + id + "/top-ups", new Accounts.TopUpRequest(amountMinor, currency, reference));
    }

    public Accounts.History history(AccountId id) {
        return get("/v1/accounts/" + id + "/history").expect(200, Accounts.History.class);
    }

    public Accounts.IssuedCredential issue(AccountId id, VerifyingKey deviceKey, String media) {
        return post("/v1/accounts/" + id + "/credentials",
                new Accounts.CredentialRequest(deviceKey.compressed().toHex(), media))
                .expect(201, Accounts.IssuedCredential.class);
    }

    /**
     * Signs the batch as its gate with the gate's test key (registering the gate first if needed), and
     * waits until the cluster has priced what the batch queued, so callers see the charges.
     */
    public TapBatchAck send(TapBatch batch) {
        TapBatchAck ack = postTaps(batch.gateId(), new String(JSON.write(batch), StandardCharsets.UTF_8))
                .expect(200, TapBatchAck.class);
        awaitPriced();
        return ack;
    }

    /** Waits until no pricing work is due (the pricers took everything queued so far). */
    public void awaitPriced() {
        Eventually.await(() -> get("/v1/admin/pricing").expect(200, PricingRoutes.Status.class).due() == 0);
    }

    /** Posts {@code json} to {@code /v1/taps} signed by {@code gate} (registered first with its test key). */
    public Reply postTaps(GateId gate, String json) {
        SigningKey key = TestGates.key(gate);
        if (registered.add(gate)) {
            Reply registration = registerGate(gate, key.verifyingKey());
            if (registration.status() != 200 && registration.status() != 201) {
                throw new AssertionError("cannot register test gate " + gate + ": " + registration.text());
            }
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return postSignedTaps(body, BatchSignature.sign(key, gate, clock.instant(), body));
    }

    /** Posts raw bytes to {@code /v1/taps} with the given signature headers, as they are. */
    public Reply postSignedTaps(byte[] body, BatchSignature signature) {
        return postTaps(body, Map.of(BatchSignature.GATE_HEADER, signature.gateId().value(),
                BatchSignature.TIME_HEADER, signature.timeHeader(),
                BatchSignature.SIGNATURE_HEADER, signature.signatureHeader()));
    }

    /** Posts raw bytes to {@code /v1/taps} with exactly these extra headers. */
    public Reply postTaps(byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/taps"))
                .header("content-type", "application/json");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply registerGate(GateId gate, VerifyingKey key) {
        return post("/v1/admin/gates", new GateRoutes.RegisterRequest(gate.value(), key.compressed().toHex(), "test"));
    }

    public DenyListDelta denyList(long since) {
        return get("/v1/deny-list?since=" + since).expect(200, DenyListDelta.class);
    }

    /** The {@code WWW-Authenticate} header of a GET's answer, or empty. */
    public String challenge(String path) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET()).headers()
                .firstValue("WWW-Authenticate").orElse("");
    }

    private Reply send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = exchange(request);
        return new Reply(response.statusCode(), response.body());
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
