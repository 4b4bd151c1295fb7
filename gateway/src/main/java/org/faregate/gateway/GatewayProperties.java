package org.faregate.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.faregate.cluster.ClusterConfig;
import org.faregate.gateway.auth.AdminBootstrap;
import org.faregate.gateway.auth.BearerToken;
import org.faregate.gateway.credentials.CredentialPolicy;
import org.faregate.gateway.sql.DatabaseConfig;

/**
 * Reads a {@link GatewayConfig} from properties (a file, overridden by {@code -Dfaregate.<key>}).
 * Unset keys keep {@link GatewayConfig#embedded()}'s values, except that a standalone node stores its
 * data in the H2 file {@code ./data/faregate} and listens on port 8080.
 * <pre>
 * http.host=127.0.0.1   http.port=8080   http.max-body-bytes=1048576
 * jdbc.url=jdbc:postgresql://db/faregate   jdbc.user=faregate   jdbc.password=...   jdbc.pool=8
 * zone=Asia/Shanghai   service-day.cutover=04:00   currency=CNY   account.floor-minor=0
 * fare-rules.file=fares.txt
 * cluster.name=faregate   cluster.bind=127.0.0.1   cluster.port=5701   cluster.members=10.0.0.2:5701,10.0.0.3:5701
 * cluster.join-wait-seconds=5   deny.reconcile-seconds=60
 * credentials.phone.days=30   credentials.phone.max-presentations=500
 * credentials.card.days=1827  credentials.card.max-presentations=0
 * http.rate-limit.per-second=2000   http.rate-limit.burst=4000
 * pricing.threads=2   pricing.memory-taps=9400000   (default: an eighth of the heap at 80 bytes a tap)
 * admin.token-file=./data/admin-token
 * </pre>
 * The bootstrap admin's token comes from the environment variable {@value #ADMIN_TOKEN_ENV} (or
 * {@code -Dfaregate.admin.token}); without one the gateway generates a token into {@code admin.token-file}
 * (docs/security.md). Keep the token out of properties files that others can read.
 */
final class GatewayProperties {

    /** The environment variable holding the bootstrap admin's token. */
    static final String ADMIN_TOKEN_ENV = "FAREGATE_ADMIN_TOKEN";
    static final String DEFAULT_ADMIN_TOKEN_FILE = "./data/admin-token";

    private final Properties properties;
    private final Map<String, String> environment;

    private GatewayProperties(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    static GatewayConfig read(Path file, Properties systemProperties, Map<String, String> environment) {
        Properties merged = new Properties();
        if (file != null) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                merged.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gateway config " + file, e);
            }
        }
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith("faregate.")) {
                merged.setProperty(name.substring("faregate.".length()), systemProperties.getProperty(name));
            }
        }
        return new GatewayProperties(merged, environment).config();
    }

    private GatewayConfig config() {
        GatewayConfig defaults = GatewayConfig.embedded();
        DatabaseConfig database = text("jdbc.url").map(url -> new DatabaseConfig(url, get("jdbc.user", ""),
                get("jdbc.password", ""), (int) number("jdbc.pool", 8))).orElse(DatabaseConfig.h2File("./data/faregate"));
        String rules = text("fare-rules.file").map(GatewayProperties::readFile).orElse(defaults.fareRulesText());
        ClusterConfig cluster = new ClusterConfig(get("cluster.name", defaults.cluster().clusterName()),
                get("cluster.bind", ClusterConfig.LOOPBACK), (int) number("cluster.port", 0),
                members(get("cluster.members", "")), Duration.ofSeconds(number("cluster.join-wait-seconds", 0)));
        CredentialPolicy credentials = new CredentialPolicy(
                Duration.ofDays(number("credentials.phone.days", 30)), (int) number("credentials.phone.max-presentations", 500),
                Duration.ofDays(number("credentials.card.days", 1827)), (int) number("credentials.card.max-presentations", 0));
        return new GatewayConfig(get("http.host", defaults.httpHost()), (int) number("http.port", 8080), database,
                ZoneId.of(get("zone", defaults.zone().getId())),
                LocalTime.parse(get("service-day.cutover", defaults.serviceDayCutover().toString())),
                Currency.getInstance(get("currency", defaults.currency().getCurrencyCode())),
                number("account.floor-minor", defaults.accountFloorMinor()), rules, cluster, credentials,
                number("http.max-body-bytes", defaults.maxBodyBytes()),
                Duration.ofSeconds(number("deny.reconcile-seconds", defaults.denyReconcileInterval().toSeconds())),
                new GatewayConfig.RateLimit((int) number("http.rate-limit.per-second", defaults.rateLimit().perSecond()),
                        (int) number("http.rate-limit.burst", defaults.rateLimit().burst())),
                new GatewayConfig.Pricing((int) number("pricing.threads", defaults.pricing().threads()),
                        (int) number("pricing.memory-taps", defaults.pricing().memoryTaps())), adminBootstrap());
    }

    /** The environment's token, else {@code admin.token}, else a token file the gateway fills on first start. */
    private AdminBootstrap adminBootstrap() {
        Optional<String> token = Optional.ofNullable(environment.get(ADMIN_TOKEN_ENV)).filter(text -> !text.isBlank())
                .or(() -> text("admin.token"));
        if (token.isPresent()) {
            try {
                return AdminBootstrap.configured(BearerToken.configured(token.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gateway config " + ADMIN_TOKEN_ENV + ": " + e.getMessage(), e);
            }
        }
        return AdminBootstrap.tokenFile(Path.of(get("admin.token-file", DEFAULT_ADMIN_TOKEN_FILE)));
    }

    private Optional<String> text(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private String get(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    private long number(String key, long fallback) {
        return text(key).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gateway config " + key + ": '" + value + "' is not a number", e);
            }
        }).orElse(fallback);
    }

    private static List<String> members(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(member -> !member.isEmpty()).toList();
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fare rules " + path, e);
        }
    }
}
