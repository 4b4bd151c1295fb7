package org.faregate.gateway.pricing;

import io.vertx.ext.web.Router;
import java.time.Instant;
import java.time.InstantSource;
import org.faregate.cluster.AccountOwnership;
import org.faregate.gateway.http.JsonExchange;
import org.faregate.gateway.http.Routes;
import org.faregate.gateway.sql.Database;

/**
 * {@code GET /v1/admin/pricing}: the pricing queue (work due now, scheduled for later, failed at least once,
 * the oldest due time) and how many account buckets this node prices. A queue that is due and growing means
 * pricing is behind ingest; failing work needs an operator (the error is in the log).
 */
public final class PricingRoutes implements Routes {

    /** The answer: the cluster-wide queue and this node's share of the accounts. */
    public record Status(long due, long scheduled, long failing, Instant oldestDue, int bucketsOwnedHere,
                         int buckets) {
    }

    private final Database database;
    private final SqlPricingWork queue;
    private final AccountOwnership ownership;
    private final InstantSource clock;
    private final JsonExchange exchange;

    public PricingRoutes(Database database, SqlPricingWork queue, AccountOwnership ownership, InstantSource clock,
                         JsonExchange exchange) {
        this.database = database;
        this.queue = queue;
        this.ownership = ownership;
        this.clock = clock;
        this.exchange = exchange;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/admin/pricing").handler(context -> exchange.respond(context, 200, this::status));
    }

    private Status status() {
        SqlPricingWork.Backlog backlog = database.inTransaction(connection -> queue.backlog(connection, clock.instant()));
        return new Status(backlog.due(), backlog.scheduled(), backlog.failing(), backlog.oldestDue(),
                ownership.ownedBuckets().length, AccountOwnership.BUCKETS);
    }
}
