package org.faregate.simulator.city;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.faregate.gateway.pricing.PricingRoutes;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.faregate.protocol.GateId;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.faregate.validator.link.GateIdentity;

/**
 * What the city's operator does at the gateway's admin API, with an operator token ({@code Authorization:
 * Bearer}): publish a GTFS-Fares v2 feed as a zip, register a newly installed gate's public key, and fetch the
 * issuer keys an installer puts on a gate.
 */
public final class OperatorConsole {

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One mapper for every answer: a new one per poll re-learned the types each time (and kept the JIT busy). */
    private final WireJson json = new WireJson();

    /** A console signed in with {@code token}, an operator token whose role allows what it is asked to do. */
    public OperatorConsole(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Uploads the feed, in force from {@code effectiveFrom}; returns the gateway's answer (version, notices). */
    public String publishFares(Map<String, String> feed, Instant effectiveFrom) throws IOException {
        HttpRequest request = admin("/v1/admin/fare-rules?effectiveFrom=" + effectiveFrom)
                .header("Content-Type", "application/zip").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip(feed))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("the gateway refused the city's fares (" + response.statusCode() + "): "
                    + response.body());
        }
        return response.body();
    }

    /** Registers a gate's public key, as an installer does once the gate has made its key pair. */
    public void registerGate(GateIdentity gate) throws IOException {
        String body = "{\"gateId\":\"" + gate.gateId() + "\",\"publicKey\":\"" + gate.publicKeyHex() + "\"}";
        HttpResponse<String> response = send(admin("/v1/admin/gates")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IOException("the gateway refused to register gate " + gate.gateId() + " ("
                    + response.statusCode() + "): " + response.body());
        }
    }

    /**
     * Revokes a gate's key (a stolen or replaced gate); its next batch is refused.
     *
     * @return false if no such gate is registered
     */
    public boolean revokeGate(GateId gate) throws IOException {
        HttpResponse<String> response = send(admin("/v1/admin/gates/" + gate + "/revoke")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IOException("the gateway refused to revoke gate " + gate + " (" + response.statusCode()
                    + "): " + response.body());
        }
        return response.statusCode() == 200;
    }

    /** The signed issuer key list, as an installer provisions it on a new gate. */
    public IssuerKeyList issuerKeys() throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/issuer-keys"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("cannot fetch the issuer keys (" + response.statusCode() + "): " + response.body());
        }
        try {
            return json.read(response.body().getBytes(StandardCharsets.UTF_8), IssuerKeyList.class);
        } catch (WireFormatException e) {
            throw new IOException("unreadable issuer key list: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the gateway has priced every tap it acknowledged ({@code GET /v1/admin/pricing} reports
     * nothing due): pricing runs after the acknowledgement, on the node that owns each account.
     *
     * @return how long it waited
     */
    public Duration awaitPriced(Duration limit) throws IOException {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> response = send(admin("/v1/admin/pricing")
                    .timeout(Duration.ofSeconds(30)).GET().build());
            if (response.statusCode() != 200) {
                throw new IOException("cannot read the pricing queue (" + response.statusCode() + "): "
                        + response.body());
            }
            PricingRoutes.Status status;
            try {
                status = json.read(response.body().getBytes(StandardCharsets.UTF_8), PricingRoutes.Status.class);
            } catch (WireFormatException e) {
                throw new IOException("unreadable pricing status: " + e.getMessage(), e);
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (status.due() == 0) {
                return waited;
            }
            if (waited.compareTo(limit) > 0) {
                throw new IOException("pricing still has " + status.due() + " account-days due after " + limit);
            }
            // Counting the queue costs the database a scan of it, which competes with the pricing being
            // waited for: look rarely while much is due, often once little is left (so the end is timed well).
            LockSupport.parkNanos(Duration.ofMillis(Math.min(1_000, 5 + status.due() / 20)).toNanos());
        }
    }

    /** A request to the operator API, with the console's token. */
    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
