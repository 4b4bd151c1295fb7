package org.faregate.simulator.city;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** What the city's operator does at the gateway's admin API: publish a GTFS-Fares v2 feed as a zip. */
public final class OperatorConsole {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OperatorConsole(URI base) {
        this.base = base;
    }

    /** Uploads the feed, in force from {@code effectiveFrom}; returns the gateway's answer (version, notices). */
    public String publishFares(Map<String, String> feed, Instant effectiveFrom) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/admin/fare-rules?effectiveFrom=" + effectiveFrom))
                .header("Content-Type", "application/zip").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip(feed))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the gateway refused the city's fares (" + response.statusCode() + "): "
                    + response.body());
        }
        return response.body();
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
