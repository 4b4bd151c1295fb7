package org.faregate.validator.link;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.ErrorBody;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GatewayLink} over the gateway's HTTP API with the JDK's HTTP client, JSON bodies and timeouts. */
public final class HttpGatewayLink implements GatewayLink {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger logger = LoggerFactory.getLogger(HttpGatewayLink.class);

    private final URI base;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final WireJson json = new WireJson();

    public HttpGatewayLink(URI base) {
        this(base, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public HttpGatewayLink(URI base, Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(base, "base");
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public TapBatchAck sendTaps(TapBatch batch) throws GatewayException {
        URI uri = base.resolve("v1/taps");
        HttpRequest request = request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.write(batch))).build();
        return exchange(request, TapBatchAck.class);
    }

    @Override
    public DenyListDelta fetchDenyList(long sinceVersion) throws GatewayException {
        if (sinceVersion < 0) {
            throw new IllegalArgumentException("deny-list version must not be negative: " + sinceVersion);
        }
        return exchange(request(base.resolve("v1/deny-list?since=" + sinceVersion)).GET().build(),
                DenyListDelta.class);
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
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw GatewayException.unreachable(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.unreachable(uri, e);
        }
        int status = response.statusCode();
        logger.debug("Gateway answered [method={}, uri={}, status={}]", request.method(), uri, status);
        if (status != 200) {
            throw GatewayException.answered(uri, status, describeError(response.body()), null);
        }
        try {
            return json.read(response.body(), type);
        } catch (WireFormatException e) {
            throw GatewayException.answered(uri, status, e.getMessage(), e);
        }
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
