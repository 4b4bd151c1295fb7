package org.faregate.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.faregate.cluster.hz.HzCluster;
import org.faregate.gateway.accounts.AccountRoutes;
import org.faregate.gateway.accounts.AccountService;
import org.faregate.gateway.accounts.Balances;
import org.faregate.gateway.accounts.CorrectionRoutes;
import org.faregate.gateway.accounts.SqlAccounts;
import org.faregate.gateway.accounts.WalletCorrections;
import org.faregate.gateway.admin.AdminRoutes;
import org.faregate.gateway.admin.Reconciliation;
import org.faregate.gateway.auth.Authenticator;
import org.faregate.gateway.auth.OperatorRoutes;
import org.faregate.gateway.auth.OperatorService;
import org.faregate.gateway.credentials.CredentialRoutes;
import org.faregate.gateway.credentials.CredentialService;
import org.faregate.gateway.credentials.IssuerKeyRoutes;
import org.faregate.gateway.credentials.IssuerKeyStore;
import org.faregate.gateway.deny.DenyRoutes;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.deny.SqlDenyList;
import org.faregate.gateway.gates.GateAuthenticator;
import org.faregate.gateway.gates.GateRegistry;
import org.faregate.gateway.gates.GateRoutes;
import org.faregate.gateway.http.AccessGuard;
import org.faregate.gateway.http.HttpApi;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.RateLimiter;
import org.faregate.gateway.metrics.GatewayMetrics;
import org.faregate.gateway.metrics.OperationsRoutes;
import org.faregate.gateway.ingest.IngestRoutes;
import org.faregate.gateway.ingest.TapIngest;
import org.faregate.gateway.ledger.LedgerMigration;
import org.faregate.gateway.ledger.SqlLedger;
import org.faregate.gateway.pricing.AccountPricer;
import org.faregate.gateway.pricing.FareBook;
import org.faregate.gateway.pricing.PricingRoutes;
import org.faregate.gateway.pricing.PricingWorker;
import org.faregate.gateway.pricing.SqlPricingWork;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway node, and the composition root that wires it with {@code new}: database, cluster
 * member, services, HTTP server. {@link #start} blocks until the node serves; {@link #close} stops it.
 * In-process users (the simulator, end-to-end tests) read {@link #port()} and {@link #dataSource()}.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(Gateway.class);
    private static final long START_TIMEOUT_SECONDS = 60;

    private final GatewayConfig config;
    private final Database database;
    private final HzCluster cluster;
    private final Vertx vertx;
    private final HttpServer server;
    private final DenyService denyService;
    private final PricingWorker pricing;

    private Gateway(GatewayConfig config, Database database, HzCluster cluster, Vertx vertx, HttpServer server,
                    DenyService denyService, PricingWorker pricing) {
        this.pricing = pricing;
        this.config = config;
        this.database = database;
        this.cluster = cluster;
        this.vertx = vertx;
        this.server = server;
        this.denyService = denyService;
    }

    /** Starts a node with the system clock. Blocks; never call it from an event loop. */
    public static Gateway start(GatewayConfig config) {
        return start(config, InstantSource.system());
    }

    /** Starts a node whose services read time from {@code clock}. */
    public static Gateway start(GatewayConfig config, InstantSource clock) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Database database = Database.open(config.database());
            started.push(database);
            HzCluster cluster = HzCluster.start(config.cluster());
            started.push(cluster);
            SecureRandom random = new SecureRandom();
            SqlAccounts accounts = new SqlAccounts();
            SqlLedger ledger = new SqlLedger();
            new LedgerMigration(database, ledger).migrate();
            SqlDenyList denyList = new SqlDenyList();
            Balances balances = new Balances(accounts, denyList);
            DenyService denyService = new DenyService(database, denyList, cluster.denyRegistry(), clock);
            denyService.reconcile();
            FareBook fareBook = FareBook.open(database, config.fareRulesText(), config.currency(), clock);
            IssuerKeyStore keys = IssuerKeyStore.open(database, random, clock);
            AccountService accountService = new AccountService(database, accounts, ledger, balances, denyService,
                    config.currency(), config.accountFloorMinor(), clock);
            WalletCorrections corrections = new WalletCorrections(database, accounts, ledger, balances, denyService,
                    clock);
            CredentialService credentialService = new CredentialService(database, accounts, denyList, denyService,
                    keys, config.credentials(), random, clock);
            GatewayMetrics metrics = new GatewayMetrics();
            metrics.denyList(denyService::feedVersion, denyService::entryCount);
            GateRegistry gates = new GateRegistry(database, clock);
            OperatorService operators = new OperatorService(database, random, clock);
            operators.bootstrap(config.adminBootstrap().resolve(random));
            Authenticator authenticator = new Authenticator(database, random, clock);
            SqlPricingWork pricingWork = new SqlPricingWork();
            AccountPricer pricer = new AccountPricer(accounts, ledger, balances, fareBook, config.zone(),
                    config.serviceDayCutover(), metrics, config.pricing().memoryTaps());
            PricingWorker pricing = new PricingWorker(database, pricingWork, pricer, cluster.accountOwnership(),
                    denyService, clock, metrics, config.pricing().threads());
            TapIngest ingest = new TapIngest(database, accounts, pricingWork, fareBook, config.zone(),
                    config.serviceDayCutover(), clock, metrics, pricing::wake);

            Vertx vertx = Vertx.vertx();
            started.push(() -> await(vertx.close()));
            WorkerExecutor workers = vertx.createSharedWorkerExecutor("faregate-sql", config.database().poolSize());
            JsonExchange exchange = new JsonExchange(new WireJson(), workers);
            // Probes get their own thread: with the database down every SQL worker waits out the pool's
            // connection timeout for the gates' resends, and /ready queued behind them never answered 503.
            JsonExchange probeExchange = new JsonExchange(new WireJson(),
                    vertx.createSharedWorkerExecutor("faregate-probe", 1));
            var limiter = new RateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst(), System::nanoTime);
            var router = HttpApi.router(vertx, exchange, config.maxBodyBytes(), limiter,
                    new AccessGuard(authenticator, exchange), List.of(
                    new IngestRoutes(ingest, new GateAuthenticator(gates, clock), exchange, metrics),
                    new GateRoutes(gates, exchange),
                    new AccountRoutes(accountService, authenticator, exchange),
                    new CorrectionRoutes(corrections, exchange),
                    new OperatorRoutes(operators, authenticator, exchange),
                    new CredentialRoutes(credentialService, exchange),
                    new DenyRoutes(denyService, keys, clock, exchange, metrics),
                    new OperationsRoutes(metrics, database, cluster::isRunning, probeExchange),
                    new IssuerKeyRoutes(keys, exchange),
                    new PricingRoutes(database, pricingWork, cluster.accountOwnership(), clock, exchange),
                    new AdminRoutes(fareBook, denyService, new Reconciliation(database), exchange, clock)));
            HttpServer server = await(vertx.createHttpServer(new HttpServerOptions().setHost(config.httpHost()))
                    .requestHandler(router).listen(config.httpPort()));
            vertx.setPeriodic(config.denyReconcileInterval().toMillis(), timer -> workers
                    .executeBlocking(denyService::reconcile, false)
                    .onFailure(e -> logger.warn("Deny registry reconciliation failed; next round retries", e)));
            pricing.start();
            started.push(pricing);
            Gateway gateway = new Gateway(config, database, cluster, vertx, server, denyService, pricing);
            logger.info("Gateway started [http={}:{}, cluster={}, zone={}, currency={}]", config.httpHost(),
                    server.actualPort(), cluster.address(), config.zone(), config.currency());
            return gateway;
        } catch (RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://host:port}, no trailing slash. */
    public URI baseUri() {
        return URI.create("http://" + config.httpHost() + ":" + port());
    }

    /** The pool of the database of record, for in-process readers such as the simulator's ledger checks. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    public String jdbcUrl() {
        return config.database().jdbcUrl();
    }

    /** This node's cluster member address ({@code host:port}), for other nodes to join. */
    public String clusterAddress() {
        return cluster.address();
    }

    public GatewayConfig config() {
        return config;
    }

    /** Re-reads the deny list of record into the cluster registry now; returns how many entries it lacked. */
    public int reconcileDenyList() {
        return denyService.reconcile();
    }

    @Override
    public void close() {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        parts.push(database);
        parts.push(cluster);
        parts.push(() -> await(vertx.close()));
        parts.push(pricing);
        RuntimeException failure = new IllegalStateException("gateway did not close cleanly");
        closeAll(parts, failure);
        logger.info("Gateway stopped");
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void closeAll(Deque<AutoCloseable> parts, RuntimeException failure) {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Vert.x", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Vert.x failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Vert.x did not answer within " + START_TIMEOUT_SECONDS + " s", e);
        }
    }
}
