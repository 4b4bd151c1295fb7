package org.faregate.validator.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.faregate.protocol.auth.BatchSignature;
import org.faregate.protocol.feed.DenyListCodec;
import org.faregate.protocol.feed.FeedException;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.ErrorBody;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GatewayLink} over the gateway's HTTP API with the JDK's HTTP client and timeouts: JSON bodies, and the
 * signed binary deny-list feed read as a stream.
 */
public final class HttpGatewayLink implements GatewayLink {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger logger = LoggerFactory.getLogger(HttpGatewayLink.class);

    private final URI base;
    private final GateIdentity identity;
    private final InstantSource clock;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final WireJson json = new WireJson();

    /** A link for {@code identity}'s gate; batches are signed with its key at the system clock's time. */
    public HttpGatewayLink(URI base, GateIdentity identity) {
        this(base, identity, InstantSource.system(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * {@code clock} dates the batch signatures: the gateway refuses one far from its own time, so it is the
     * machine's real clock, not a simulated one.
     */
    public HttpGatewayLink(URI base, GateIdentity identity, InstantSource clock, Duration connectTimeout,
                           Duration requestTimeout) {
        Objects.requireNonNull(base, "base");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends the batch signed over the exact body bytes (docs/token-format.md, "Signed tap batches"). */
    @Override
    public TapBatchAck sendTaps(TapBatch batch) throws GatewayException {
        if (!batch.gateId().equals(identity.gateId())) {
            throw new IllegalArgumentException("this link signs for gate " + identity.gateId() + ", not for "
                    + batch.gateId());
        }
        URI uri = base.resolve("v1/taps");
        byte[] body = json.write(batch);
        BatchSignature signature = BatchSignature.sign(identity.signingKey(), identity.gateId(), clock.instant(), body);
        HttpRequest request = request(uri).header("Content-Type", "application/json")
                .header(BatchSignature.GATE_HEADER, identity.gateId().value())
                .header(BatchSignature.TIME_HEADER, signature.timeHeader())
                .header(BatchSignature.SIGNATURE_HEADER, signature.signatureHeader())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return exchange(request, TapBatchAck.class);
    }

    @Override
    public FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) throws GatewayException {
        if (sinceVersion < 0) {
            throw new IllegalArgumentException("deny-list version must not be negative: " + sinceVersion);
        }
        URI uri = base.resolve("v1/deny-list?since=" + sinceVersion);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", DenyListCodec.MEDIA_TYPE).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw GatewayException.answered(uri, response.statusCode(), describeError(body.readAllBytes()), null);
            }
            // Read as it arrives: a ten-million-entry snapshot is never held as bytes or as objects.
            return DenyListCodec.read(body, sink);
        } catch (FeedException e) {
            throw GatewayException.answered(uri, 200, e.getMessage(), e);
        } catch (IOException e) {
            throw GatewayException.unreachable(uri, e);
        }
    }

    @Override
    public IssuerKeyList fetchIssuerKeys() throws GatewayException {
        return exchange(request(base.resolve("v1/issuer-keys")).GET().build(), IssuerKeyList.class);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
    }

    private <T> T exchange(HttpRequest request, Class<T> type) throws GatewayException {
        URI uri = request.uri();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status != 200) {
            throw GatewayException.answered(uri, status, describeError(response.body()), null);
        }
        try {
            return json.read(response.body(), type);
        } catch (WireFormatException e) {
            throw GatewayException.answered(uri, status, e.getMessage(), e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws GatewayException {
        URI uri = request.uri();
        HttpResponse<T> response;
        try {
            response = client.send(request, handler);
        } catch (IOException e) {
            throw GatewayException.unreachable(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.unreachable(uri, e);
        }
        logger.debug("Gateway answered [method={}, uri={}, status={}]", request.method(), uri, response.statusCode());
        return response;
    }

    private String describeError(byte[] body) {
        try {
            ErrorBody error = json.read(body, ErrorBody.class);
            if (error.code() != null) {
                return error.code() + ": " + error.message();
            }
        } catch (WireFormatException e) {
            // not an ErrorBody: show the start of whatever came back
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
