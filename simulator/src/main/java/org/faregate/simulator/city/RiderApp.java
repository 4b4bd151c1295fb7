package org.faregate.simulator.city;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;

/**
 * The riders' phone app talking to the gateway's account API over HTTP: open, top up, get a credential. Opening
 * an account hands the app the account's rider token, which it keeps (as a phone keeps its rider's) and sends
 * with every later call for that account.
 */
public final class RiderApp {

    private final URI base;
    private final HttpClient http;
    private final WireJson json = new WireJson();
    private final Map<AccountId, String> riderTokens = new ConcurrentHashMap<>();

    public RiderApp(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Accounts.View open(String riderCategory) throws IOException {
        Accounts.Opened opened = send(HttpRequest.newBuilder(base.resolve("/v1/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.write(new Accounts.OpenRequest(riderCategory)))),
                Accounts.Opened.class);
        riderTokens.put(opened.accountId(), opened.riderToken());
        return opened.view();
    }

    public Accounts.View topUp(AccountId account, long amountMinor, String currency, String reference)
            throws IOException {
        return post(account, "/top-ups", new Accounts.TopUpRequest(amountMinor, currency, reference),
                Accounts.View.class);
    }

    public Accounts.IssuedCredential credential(AccountId account, String devicePublicKeyHex, String media)
            throws IOException {
        return post(account, "/credentials", new Accounts.CredentialRequest(devicePublicKeyHex, media),
                Accounts.IssuedCredential.class);
    }

    public Accounts.View account(AccountId account) throws IOException {
        return send(asRider(account, "").GET(), Accounts.View.class);
    }

    private <T> T post(AccountId account, String subPath, Object body, Class<T> answer) throws IOException {
        return send(asRider(account, subPath).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.write(body))), answer);
    }

    /** A request to {@code /v1/accounts/<account><subPath>} with the account's rider token. */
    private HttpRequest.Builder asRider(AccountId account, String subPath) {
        String token = riderTokens.get(account);
        if (token == null) {
            throw new IllegalStateException("this app did not open account " + account + ", so it has no rider token for it");
        }
        return HttpRequest.newBuilder(base.resolve("/v1/accounts/" + account + subPath))
                .header("Authorization", "Bearer " + token);
    }

    private <T> T send(HttpRequest.Builder request, Class<T> answer) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            return json.read(response.body(), answer);
        } catch (WireFormatException e) {
            throw new IOException(response.uri() + ": " + e.getMessage(), e);
        }
    }
}
