package org.faregate.simulator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.auth.BearerToken;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.WireJson;
import org.faregate.simulator.TestDatabase;
import org.faregate.simulator.city.FlakyLink;
import org.faregate.simulator.city.Media;
import org.faregate.simulator.city.OperatorConsole;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.city.RiderApp;
import org.faregate.simulator.city.RiderPlan;
import org.faregate.simulator.city.SimClock;
import org.faregate.validator.Validator;
import org.faregate.validator.ValidatorConfig;
import org.faregate.validator.link.GateIdentity;
import org.faregate.validator.link.GatewayException;
import org.faregate.validator.link.GatewayLink;
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
    /** The token of the gateway's bootstrap admin, which this city passes in its configuration. */
    final String adminToken = BearerToken.generate(BearerToken.Kind.OPERATOR, new SecureRandom()).reveal();
    final OperatorConsole operator;
    final RiderApp app;
    final SimClock clock;
    private final InstantSource gatewayClock;
    final SecureRandom random = new SecureRandom();
    final WireJson json = new WireJson();
    private final HttpClient http = HttpClient.newHttpClient();
    private int riders;

    /** A city whose gateway reads the system clock; gates and phones read the city's clock. */
    TestCity() {
        this(false);
    }

    private TestCity(boolean gatewayOnCityClock) {
        clock = new SimClock(LocalDate.now(ZONE).plusDays(1).atTime(8, 0).atZone(ZONE).toInstant());
        GatewayConfig config = GatewayConfig.embedded().withDatabase(TestDatabase.fresh()).withAdminToken(adminToken)
                .withServiceDay(ZONE, java.time.LocalTime.of(4, 0)).withFares(Currency.getInstance("CNY"), FARES);
        // Gates date their batch signatures by the gateway's clock, which refuses one far from its own time.
        gatewayClock = gatewayOnCityClock ? clock : InstantSource.system();
        gateway = Gateway.start(config, gatewayClock);
        app = new RiderApp(gateway.baseUri());
        operator = new OperatorConsole(gateway.baseUri(), adminToken);
    }

    /** A city whose gateway also reads the city's clock, for tests that move the gateway's time. */
    static TestCity onCityClock() {
        return new TestCity(true);
    }

    /** A rider with an account holding {@code balanceMinor} and a credential on the given media. */
    private static final Duration PRICING_PATIENCE = Duration.ofMinutes(1);

    Rider rider(Media media, long balanceMinor) throws IOException {
        return signUp(app, random, media, balanceMinor, riders++);
    }

    /**
     * A rider signed up through the account API of the gateway {@code app} talks to: an account holding
     * {@code balanceMinor} and a credential for a device key made on the device.
     */
    static Rider signUp(RiderApp app, SecureRandom random, Media media, long balanceMinor, int index)
            throws IOException {
        Accounts.View account = app.open("adult");
        app.topUp(account.accountId(), balanceMinor, "CNY", "opening-" + account.accountId());
        SigningKey deviceKey = SigningKey.generate(random);
        Accounts.IssuedCredential issued = app.credential(account.accountId(),
                deviceKey.verifyingKey().compressed().toHex(), media == Media.CARD ? "card" : "phone");
        try {
            Credential credential = Credential.parse(HexFormat.of().parseHex(issued.credential()));
            return Rider.of(new RiderPlan(index, media, "adult", balanceMinor, List.of()), account.accountId(),
                    deviceKey, credential);
        } catch (org.faregate.protocol.token.MalformedTokenException e) {
            throw new IOException(e);
        }
    }

    /** A gate whose network the test controls, with the issuer keys and deny list fetched once. */
    GateUnderTest gate(Path dir, String station, Direction direction) {
        String gateId = gateIdOf(station, direction);
        GateIdentity identity = registerGate(operator, GateId.of(gateId), dir.resolve(gateId), random);
        FlakyLink network = new FlakyLink(link(identity), gateway.baseUri());
        Validator validator = installGate(network, dir, clock, random, station, direction);
        return new GateUnderTest(validator, network, identity);
    }

    /** A gate's link to this city's gateway, dating its batch signatures by the gateway's clock. */
    HttpGatewayLink link(GateIdentity identity) {
        return new HttpGatewayLink(gateway.baseUri(), identity, gatewayClock, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static String gateIdOf(String station, Direction direction) {
        return station + (direction == Direction.ENTRY ? "-IN-" : "-OUT-") + "1";
    }

    /**
     * Installs gate {@code <station>-IN-1} (or {@code -OUT-1}) as an installer would: its journal under
     * {@code dir}, the gateway's issuer keys trusted, a first sync. {@code link} must speak for a gate whose key
     * {@link #registerGate} registered. Every end-to-end test opens its gates here.
     */
    static Validator installGate(GatewayLink link, Path dir, InstantSource clock, SecureRandom random, String station,
                                 Direction direction) {
        String gateId = gateIdOf(station, direction);
        Validator validator = Validator.open(ValidatorConfig.of(GateId.of(gateId), StationId.of(station), direction,
                dir.resolve(gateId)), clock, random, link);
        try {
            validator.trustIssuerKeys(link.fetchIssuerKeys());
        } catch (GatewayException e) {
            validator.close();
            throw new IllegalStateException("gate " + gateId + " cannot fetch the issuer keys: " + e.getMessage(), e);
        }
        validator.sync();
        return validator;
    }

    /**
     * The gate's key pair from its data directory (made if new), registered with the gateway. Tests share one
     * gateway and each installs its gates afresh, so this is a gate replacement: the previous key is revoked
     * first.
     */
    static GateIdentity registerGate(OperatorConsole operator, GateId gate, Path dataDir, SecureRandom random) {
        GateIdentity identity = GateIdentity.openOrCreate(gate, dataDir, random);
        try {
            operator.revokeGate(gate);
            operator.registerGate(identity);
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

    /** The balance once the gateway has priced every tap it acknowledged. */
    long balance(AccountId account) throws IOException {
        operator.awaitPriced(PRICING_PATIENCE);
        return app.account(account).balanceMinor();
    }

    /** The history once the gateway has priced every tap it acknowledged. */
    Accounts.History history(AccountId account) throws IOException {
        operator.awaitPriced(PRICING_PATIENCE);
        return get("/v1/accounts/" + account + "/history", Accounts.History.class);
    }

    <T> T get(String path, Class<T> type) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(gateway.baseUri().resolve(path))
                            .header("Authorization", "Bearer " + adminToken).build(),
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
