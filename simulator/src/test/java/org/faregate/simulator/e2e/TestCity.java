package org.faregate.simulator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayConfig;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.WireJson;
import org.faregate.simulator.TestDatabase;
import org.faregate.simulator.city.FlakyLink;
import org.faregate.simulator.city.Media;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.city.RiderApp;
import org.faregate.simulator.city.RiderPlan;
import org.faregate.simulator.city.SimClock;
import org.faregate.validator.Validator;
import org.faregate.validator.ValidatorConfig;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.validator.link.GateIdentity;
import org.faregate.validator.link.HttpGatewayLink;

/**
 * A small city for end-to-end tests: one embedded gateway over real HTTP on loopback, riders signed up
 * through the account API, and real validators with their own journals.
 */
final class TestCity implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** S01 and S02 in zone 1, S03 in zone 2, S04 in zone 3. */
    static final String FARES = """
            currency=CNY
            type=zone
            zone_fare.1=3.00
            zone_fare.2=4.00
            zone_fare.3=5.00
            category.child=50
            zone.S01=1
            zone.S02=1
            zone.S03=2
            zone.S04=3
            """;

    final Gateway gateway;
    final RiderApp app;
    final SimClock clock;
    final SecureRandom random = new SecureRandom();
    final WireJson json = new WireJson();
    private final HttpClient http = HttpClient.newHttpClient();
    private int riders;

    TestCity() {
        gateway = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabase.fresh()).withServiceDay(ZONE, java.time.LocalTime.of(4, 0))
                .withFares(Currency.getInstance("CNY"), FARES));
        app = new RiderApp(gateway.baseUri());
        clock = new SimClock(LocalDate.now(ZONE).plusDays(1).atTime(8, 0).atZone(ZONE).toInstant());
    }

    /** A rider with an account holding {@code balanceMinor} and a credential on the given media. */
    Rider rider(Media media, long balanceMinor) throws IOException {
        Accounts.View account = app.open("adult");
        app.topUp(account.accountId(), balanceMinor, "CNY", "opening-" + account.accountId());
        SigningKey deviceKey = SigningKey.generate(random);
        Accounts.IssuedCredential issued = app.credential(account.accountId(),
                deviceKey.verifyingKey().compressed().toHex(), media == Media.CARD ? "card" : "phone");
        try {
            Credential credential = Credential.parse(HexFormat.of().parseHex(issued.credential()));
            return Rider.of(new RiderPlan(riders++, media, "adult", balanceMinor, List.of()), account.accountId(),
                    deviceKey, credential);
        } catch (org.faregate.protocol.token.MalformedTokenException e) {
            throw new IOException(e);
        }
    }

    /** A gate whose network the test controls, with the issuer keys and deny list fetched once. */
    GateUnderTest gate(Path dir, String station, Direction direction) {
        String gateId = station + (direction == Direction.ENTRY ? "-IN-" : "-OUT-") + "1";
        GateIdentity identity = install(GateId.of(gateId), dir.resolve(gateId));
        FlakyLink network = new FlakyLink(new HttpGatewayLink(gateway.baseUri(), identity), gateway.baseUri());
        Validator validator = Validator.open(ValidatorConfig.of(GateId.of(gateId), StationId.of(station), direction,
                dir.resolve(gateId)), clock, random, network);
        try {
            validator.trustIssuerKeys(get("/v1/issuer-keys", IssuerKeyList.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        validator.sync();
        return new GateUnderTest(validator, network, identity);
    }

    /**
     * The gate's key pair from its data directory (made if new), registered with the gateway. Tests share one
     * gateway and each installs its gates afresh, so this is a gate replacement: the previous key is revoked.
     */
    GateIdentity install(GateId gate, Path dataDir) {
        GateIdentity identity = GateIdentity.openOrCreate(gate, dataDir, random);
        OperatorConsole operator = new OperatorConsole(gateway.baseUri());
        try {
            operator.revokeGate(gate, "test installer");
            operator.registerGate(identity, "test installer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return identity;
    }

    record GateUnderTest(Validator validator, FlakyLink network, GateIdentity identity) implements AutoCloseable {
        @Override
        public void close() {
            validator.close();
        }
    }

    long balance(AccountId account) throws IOException {
        return app.account(account).balanceMinor();
    }

    Accounts.History history(AccountId account) throws IOException {
        return get("/v1/accounts/" + account + "/history", Accounts.History.class);
    }

    <T> T get(String path, Class<T> type) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(gateway.baseUri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode());
            }
            return json.read(response.body(), type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (org.faregate.protocol.wire.WireFormatException e) {
            throw new IOException(e);
        }
    }

    URI base() {
        return gateway.baseUri();
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
