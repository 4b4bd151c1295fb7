package org.faregate.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import org.faregate.cluster.ClusterConfig;
import org.faregate.gateway.auth.AdminBootstrap;
import org.faregate.gateway.auth.BearerToken;
import org.faregate.gateway.credentials.CredentialPolicy;
import org.faregate.gateway.sql.DatabaseConfig;

/**
 * Everything a gateway node needs to start.
 *
 * @param httpHost              the address the HTTP server binds; loopback unless the network is trusted
 *                              (operator and rider tokens travel in clear over plain HTTP: put TLS in front)
 * @param httpPort              0 picks a free port; {@link Gateway#port()} tells which
 * @param zone                  the operator's time zone: service days and timeframes are local to it
 * @param serviceDayCutover     local time at which a new service day starts
 * @param currency              the currency of every wallet and fare
 * @param accountFloorMinor     a balance below this denies the account's credentials
 * @param fareRulesText         the rules an empty database starts with ({@code FareConfig} text)
 * @param denyReconcileInterval how often the cluster deny registry is re-read from the database
 * @param rateLimit             requests each client address may make (a token bucket), beyond which it gets 429
 * @param pricing               the pricer's threads and memory
 * @param adminBootstrap        where the bootstrap admin's token comes from (docs/security.md); its
 *                              {@code toString} never shows a token
 */
public record GatewayConfig(String httpHost, int httpPort, DatabaseConfig database, ZoneId zone,
                            LocalTime serviceDayCutover, Currency currency, long accountFloorMinor,
                            String fareRulesText, ClusterConfig cluster, CredentialPolicy credentials,
                            long maxBodyBytes, Duration denyReconcileInterval, RateLimit rateLimit,
                            Pricing pricing, AdminBootstrap adminBootstrap) {

    public static final String DEFAULT_FARE_RULES = "/org/faregate/gateway/default-fare-rules.txt";

    public GatewayConfig {
        Objects.requireNonNull(httpHost, "httpHost");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("HTTP port must be 0..65535: " + httpPort);
        }
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(serviceDayCutover, "serviceDayCutover");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fareRulesText, "fareRulesText");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(credentials, "credentials");
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max body must be at least 1024 bytes: " + maxBodyBytes);
        }
        Objects.requireNonNull(denyReconcileInterval, "denyReconcileInterval");
        if (denyReconcileInterval.toMillis() < 1) {
            throw new IllegalArgumentException("deny reconcile interval must be positive: " + denyReconcileInterval);
        }
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(adminBootstrap, "adminBootstrap");
    }

    /**
     * A token bucket per client address: {@code perSecond} requests a second on average, {@code burst} at once.
     * Generous by default (a station's gates and a city's rider apps share few addresses behind NAT); it is there
     * so one misbehaving client cannot take a node's worker pool.
     */
    public record RateLimit(int perSecond, int burst) {
        public static final RateLimit DEFAULT = new RateLimit(2_000, 4_000);

        public RateLimit {
            if (perSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("rate limit must allow at least 1 request a second and a burst of 1: "
                        + perSecond + "/s, burst " + burst);
            }
        }
    }

    /**
     * The pricer of a node.
     *
     * @param threads    rounds priced at once, each over its share of the node's buckets (an account is
     *                   priced by one of them): while one waits on the database another computes. Two on a
     *                   two-core machine priced 10,000 taps/s where one priced 9,585-9,667 (docs/performance.md)
     * @param memoryTaps taps remembered so that an account's days need not be read again (0: read every round)
     */
    public record Pricing(int threads, int memoryTaps) {
        public Pricing {
            if (threads < 1 || memoryTaps < 0) {
                throw new IllegalArgumentException("pricing needs at least one thread and a memory of 0 taps or more: "
                        + threads + " threads, " + memoryTaps + " taps");
            }
        }

        /**
         * Two threads; a memory of an eighth of the JVM's maximum heap at 80 bytes a tap: 9.4 million taps in a
         * 6 GB heap, about 16 minutes of a city tapping 10,000 times a second; 1.6 million in 1 GB (a remembered
         * tap measured 54-64 bytes on the heap with 12-30 taps to an account). Past it, the accounts priced
         * longest ago are read again when next priced.
         */
        public static Pricing defaults() {
            return new Pricing(2, (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 8 / 80));
        }
    }

    /**
     * One machine, no set-up: loopback on a free port, a private in-memory H2 database, a cluster of one,
     * Asia/Shanghai with a 04:00 cutover, CNY, floor 0, the built-in three-zone fares and a freshly generated
     * bootstrap admin token, which the in-process caller reads from {@link #adminBootstrap()}.
     */
    public static GatewayConfig embedded() {
        return new GatewayConfig("127.0.0.1", 0, DatabaseConfig.embedded(), ZoneId.of("Asia/Shanghai"),
                LocalTime.of(4, 0), Currency.getInstance("CNY"), 0, defaultFareRules(), ClusterConfig.standalone(),
                CredentialPolicy.defaults(), 1024 * 1024, Duration.ofSeconds(60), RateLimit.DEFAULT,
                Pricing.defaults(), AdminBootstrap.configured(BearerToken.generate(BearerToken.Kind.OPERATOR, new SecureRandom())));
    }

    public GatewayConfig withPricing(Pricing value) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, value, adminBootstrap);
    }

    /** The built-in fare rules text. */
    public static String defaultFareRules() {
        try (InputStream in = GatewayConfig.class.getResourceAsStream(DEFAULT_FARE_RULES)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + DEFAULT_FARE_RULES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_FARE_RULES, e);
        }
    }

    public GatewayConfig withHttp(String host, int port) {
        return new GatewayConfig(host, port, database, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    public GatewayConfig withDatabase(DatabaseConfig value) {
        return new GatewayConfig(httpHost, httpPort, value, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    public GatewayConfig withServiceDay(ZoneId operatorZone, LocalTime cutover) {
        return new GatewayConfig(httpHost, httpPort, database, operatorZone, cutover, currency, accountFloorMinor,
                fareRulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    /** The currency and the rules that charge in it. */
    public GatewayConfig withFares(Currency value, String rulesText) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, value, accountFloorMinor,
                rulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    public GatewayConfig withAccountFloor(long floorMinor) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, currency, floorMinor,
                fareRulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    public GatewayConfig withCluster(ClusterConfig value) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, value, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    public GatewayConfig withCredentials(CredentialPolicy value) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, cluster, value, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    public GatewayConfig withLimits(long maxBody, Duration reconcileInterval) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, cluster, credentials, maxBody, reconcileInterval, rateLimit, pricing, adminBootstrap);
    }

    /** The bootstrap admin opened by {@code token} (at least 32 characters), e.g. a simulator's own. */
    public GatewayConfig withAdminToken(String token) {
        return withAdminBootstrap(AdminBootstrap.configured(BearerToken.configured(token)));
    }

    public GatewayConfig withAdminBootstrap(AdminBootstrap value) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, rateLimit, pricing, value);
    }

    public GatewayConfig withRateLimit(RateLimit value) {
        return new GatewayConfig(httpHost, httpPort, database, zone, serviceDayCutover, currency, accountFloorMinor,
                fareRulesText, cluster, credentials, maxBodyBytes, denyReconcileInterval, value, pricing, adminBootstrap);
    }
}
