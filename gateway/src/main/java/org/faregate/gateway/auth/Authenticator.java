package org.faregate.gateway.auth;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Objects;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;

/**
 * Finds who a bearer token belongs to, by its hash, in the database on every request: a revocation made on
 * any node holds for the next request on all. Also issues the rider token of a newly opened account.
 * Blocking: call it from a worker thread.
 */
public final class Authenticator {

    private final Database database;
    private final SqlOperators store = new SqlOperators();
    private final SecureRandom random;
    private final InstantSource clock;

    public Authenticator(Database database, SecureRandom random, InstantSource clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The principal {@code token} opens, or {@code unauthenticated} for a token that is unknown or revoked.
     * The message never repeats the token.
     */
    public Principal authenticate(BearerToken token) {
        String hash = token.hash();
        return database.inTransaction(connection -> {
            if (token.kind() == BearerToken.Kind.RIDER) {
                return store.riderAccount(connection, hash).<Principal>map(id -> new Principal.Rider(AccountId.of(id)))
                        .orElseThrow(() -> unauthenticated("the rider token is not known to this gateway"));
            }
            SqlOperators.Row operator = store.findByHash(connection, hash).orElseThrow(
                    () -> unauthenticated("the operator token is not known to this gateway"));
            if (operator.revoked()) {
                throw unauthenticated("the token of operator '" + operator.operatorId() + "' was revoked at "
                        + operator.revokedAt());
            }
            return new Principal.Operator(operator.operatorId(), operator.role());
        });
    }

    /** A new rider token bound to {@code account}; only its hash is stored. */
    public BearerToken issueRiderToken(AccountId account) {
        BearerToken token = BearerToken.generate(BearerToken.Kind.RIDER, random);
        database.inTransaction(connection -> {
            store.insertRiderToken(connection, token.hash(), account.value(), clock.instant());
            return null;
        });
        return token;
    }

    /**
     * Replaces every rider token of {@code account} with a new one (a rider who lost theirs, or whose phone was
     * stolen): the earlier tokens are refused from the next request on.
     */
    public BearerToken replaceRiderToken(AccountId account) {
        BearerToken token = BearerToken.generate(BearerToken.Kind.RIDER, random);
        database.inTransaction(connection -> {
            if (!store.accountExists(connection, account.value())) {
                throw new RefusedException(Refusal.UNKNOWN_ACCOUNT, "no account " + account);
            }
            store.deleteRiderTokens(connection, account.value());
            store.insertRiderToken(connection, token.hash(), account.value(), clock.instant());
            return null;
        });
        return token;
    }

    static RefusedException unauthenticated(String message) {
        return new RefusedException(Refusal.UNAUTHENTICATED, message);
    }
}
