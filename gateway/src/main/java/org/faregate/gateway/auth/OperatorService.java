package org.faregate.gateway.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators and their tokens: create (the token is returned once, only its hash kept), list, revoke, and the
 * bootstrap admin that the configured token opens. Blocking: call it from a worker thread.
 */
public final class OperatorService {

    /** The operator the configured bootstrap token belongs to. */
    public static final String BOOTSTRAP_ID = "bootstrap";

    /** An operator as the API shows it: never its token or hash. */
    public record OperatorView(String operatorId, String role, Instant createdAt, String createdBy,
                               Instant revokedAt, String revokedBy) {
    }

    /** A new operator and the token that opens it, shown this once. */
    public record CreatedOperator(String operatorId, String role, String token, Instant createdAt,
                                  String createdBy) {
        @Override
        public String toString() {
            return "CreatedOperator[operatorId=" + operatorId + ", role=" + role + ", token=redacted]";
        }
    }

    private static final Logger logger = LoggerFactory.getLogger(OperatorService.class);
    private static final Pattern OPERATOR_ID = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final int WHO_LENGTH = 128;

    private final Database database;
    private final SqlOperators operators = new SqlOperators();
    private final SecureRandom random;
    private final InstantSource clock;

    public OperatorService(Database database, SecureRandom random, InstantSource clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes {@code token} the bootstrap admin's. The same token as stored changes nothing (a revoked bootstrap
     * stays revoked); another token replaces the stored one and ends a revocation: that is how an operator
     * rotates it, or recovers after losing every admin token.
     */
    public void bootstrap(BearerToken token) {
        String hash = token.hash();
        boolean changed = database.inTransaction(connection -> {
            var existing = operators.find(connection, BOOTSTRAP_ID, true);
            if (existing.isEmpty()) {
                operators.insert(connection, BOOTSTRAP_ID, Role.ADMIN, hash, clock.instant(), "configuration");
                return true;
            }
            if (operators.hasHash(connection, BOOTSTRAP_ID, hash)) {
                return false;
            }
            operators.replaceToken(connection, BOOTSTRAP_ID, Role.ADMIN, hash, clock.instant(), "configuration");
            return true;
        });
        logger.info("Bootstrap admin {} [operator={}]", changed ? "token installed" : "token unchanged", BOOTSTRAP_ID);
    }

    public CreatedOperator create(String operatorId, String roleCode, String by) {
        if (operatorId == null || !OPERATOR_ID.matcher(operatorId).matches()) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "operatorId: expected 1-64 characters of a-z 0-9"
                    + " . _ @ - starting with a letter or digit, got '" + Columns.fit(String.valueOf(operatorId), 80) + "'");
        }
        Role role = Role.find(roleCode).orElseThrow(() -> new RefusedException(Refusal.MALFORMED_REQUEST,
                "role: expected one of " + Role.codes() + ", got '" + Columns.fit(String.valueOf(roleCode), 40) + "'"));
        BearerToken token = BearerToken.generate(BearerToken.Kind.OPERATOR, random);
        Instant now = clock.instant();
        String who = Columns.fit(by, WHO_LENGTH);
        database.inTransaction(connection -> {
            if (operators.find(connection, operatorId, true).isPresent()) {
                throw new RefusedException(Refusal.OPERATOR_EXISTS, "operatorId: operator '" + operatorId
                        + "' already exists (operator ids are never reused; pick another)");
            }
            operators.insert(connection, operatorId, role, token.hash(), now, who);
            return null;
        });
        logger.info("Operator created [operator={}, role={}, by={}]", operatorId, role.code(), who);
        return new CreatedOperator(operatorId, role.code(), token.reveal(), now, who);
    }

    public List<OperatorView> list() {
        return database.inSnapshot(connection -> operators.list(connection)).stream()
                .map(OperatorService::view).toList();
    }

    /** Revokes an operator's token from now on; revoking a revoked operator changes nothing. */
    public OperatorView revoke(String operatorId, String by) {
        String who = Columns.fit(by, WHO_LENGTH);
        SqlOperators.Row row = database.inTransaction(connection -> {
            operators.find(connection, operatorId, true).orElseThrow(() -> new RefusedException(
                    Refusal.UNKNOWN_OPERATOR, "no operator '" + Columns.fit(operatorId, 80) + "'"));
            operators.revoke(connection, operatorId, clock.instant(), who);
            return operators.find(connection, operatorId, false).orElseThrow();
        });
        logger.info("Operator revoked [operator={}, by={}]", operatorId, row.revokedBy());
        return view(row);
    }

    private static OperatorView view(SqlOperators.Row row) {
        return new OperatorView(row.operatorId(), row.role().code(), row.createdAt(), row.createdBy(),
                row.revokedAt(), row.revokedBy());
    }
}
