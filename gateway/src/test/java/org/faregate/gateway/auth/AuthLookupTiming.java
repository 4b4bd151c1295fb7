package org.faregate.gateway.auth;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Arrays;
import org.faregate.gateway.Gateway;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.GatewayConfig;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.wire.Accounts;

/**
 * What authentication adds to a guarded request, measured (not a test: speed is never asserted). Prints the
 * median and p99 of (1) {@link Authenticator#authenticate} alone on embedded H2 and (2) a whole
 * {@code GET /v1/accounts/:id} with a rider token over loopback HTTP. Run as docs/security.md says.
 */
public final class AuthLookupTiming {

    private static final int WARMUP = 5_000;
    private static final int ROUNDS = 20_000;

    private AuthLookupTiming() {
    }

    public static void main(String[] args) {
        try (Database database = Database.open(TestDatabases.fresh())) {
            OperatorService operators = new OperatorService(database, new SecureRandom(), InstantSource.system());
            Authenticator authenticator = new Authenticator(database, new SecureRandom(), InstantSource.system());
            BearerToken token = BearerToken.parse(operators.create("timing", "auditor", "timing").token());
            long[] lookups = time(() -> authenticator.authenticate(token));
            print("authenticate (SHA-256 + indexed select, H2)", lookups);
        }
        try (Gateway gateway = Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh()))) {
            GatewayClient client = GatewayClient.admin(gateway);
            Accounts.Opened opened = client.anonymous().open("adult");
            GatewayClient rider = client.withToken(opened.riderToken());
            String path = "/v1/accounts/" + opened.accountId();
            print("GET /v1/accounts/:id with a rider token (HTTP, loopback)", time(() -> rider.get(path)));
            print("GET /health, no token (HTTP, loopback, for scale)", time(() -> rider.anonymous().get("/health")));
        }
    }

    private static long[] time(Runnable work) {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("%-58s median %6.1f µs  p99 %7.1f µs  (n=%d)%n", what, sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.99)] / 1e3, sorted.length);
    }
}
