package org.faregate.gateway.gates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.GateId;
import org.faregate.protocol.crypto.VerifyingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gates allowed to deliver taps, in the {@code gates} table: register a gate's public key, list, revoke.
 * Every read goes to the database, so a revocation made through any node holds for the next batch on all.
 * Blocking: call it from a worker thread.
 */
public final class GateRegistry {

    /** The answer to a registration: the gate, and whether this call registered it (or found it so). */
    public record Registration(RegisteredGate gate, boolean created) {
    }

    private static final Logger logger = LoggerFactory.getLogger(GateRegistry.class);
    private static final int WHO_LENGTH = 128;
    private static final String COLUMNS =
            "gate_id, public_key, registered_at, registered_by, revoked_at, revoked_by";

    private final Database database;
    private final InstantSource clock;

    public GateRegistry(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Registers {@code key} for {@code gate}. Registering the key a gate already has changes nothing. A gate
     * that has another key must be revoked first; a revoked gate takes a new key (its revocation ends), never
     * the revoked one again.
     */
    public Registration register(GateId gate, VerifyingKey key, String by) {
        String publicKey = key.compressed().toHex();
        String who = Columns.fit(by, WHO_LENGTH);
        Instant now = clock.instant();
        Registration registration = database.inTransaction(connection -> {
            Optional<RegisteredGate> existing = select(connection, gate, true);
            if (existing.isEmpty()) {
                insert(connection, gate, publicKey, now, who);
                return new Registration(select(connection, gate, false).orElseThrow(), true);
            }
            RegisteredGate current = existing.get();
            boolean sameKey = current.publicKey().equals(publicKey);
            if (!current.revoked() && sameKey) {
                return new Registration(current, false);
            }
            if (!current.revoked()) {
                throw new RefusedException(Refusal.GATE_KEY_CONFLICT, "gate " + gate + " is registered with key "
                        + current.publicKey() + "; revoke it before registering another key");
            }
            if (sameKey) {
                throw new RefusedException(Refusal.GATE_KEY_CONFLICT, "key " + publicKey + " of gate " + gate
                        + " was revoked at " + current.revokedAt() + "; the gate must make a new key pair");
            }
            replaceKey(connection, gate, publicKey, now, who);
            return new Registration(select(connection, gate, false).orElseThrow(), true);
        });
        if (registration.created()) {
            logger.info("Gate registered [gate={}, publicKey={}, by={}]", gate, publicKey, who);
        }
        return registration;
    }

    /** Revokes a gate now: its next batch is refused. Revoking again keeps the first time. */
    public RegisteredGate revoke(GateId gate, String by) {
        Instant now = clock.instant();
        RegisteredGate revoked = database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update gates set revoked_at = ?, revoked_by = ? where gate_id = ? and revoked_at is null")) {
                Columns.setInstant(update, 1, now);
                update.setString(2, Columns.fit(by, WHO_LENGTH));
                update.setString(3, gate.value());
                update.executeUpdate();
            }
            return select(connection, gate, false).orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND,
                    "no gate " + gate + " is registered"));
        });
        logger.warn("Gate revoked [gate={}, at={}, by={}]", gate, revoked.revokedAt(), revoked.revokedBy());
        return revoked;
    }

    public Optional<RegisteredGate> find(GateId gate) {
        return database.inTransaction(connection -> select(connection, gate, false));
    }

    /** Every registered gate, revoked ones included, by gate id. */
    public List<RegisteredGate> list() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from gates order by gate_id");
                 ResultSet row = select.executeQuery()) {
                List<RegisteredGate> gates = new ArrayList<>();
                while (row.next()) {
                    gates.add(read(row));
                }
                return gates;
            }
        });
    }

    private static Optional<RegisteredGate> select(Connection connection, GateId gate, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from gates where gate_id = ?" + (forUpdate ? " for update" : ""))) {
            select.setString(1, gate.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Inserts a new gate; a concurrent registration of the same gate makes this one's transaction fail. */
    private static void insert(Connection connection, GateId gate, String publicKey, Instant now, String who)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into gates (gate_id, public_key,"
                + " registered_at, registered_by) values (?, ?, ?, ?)")) {
            insert.setString(1, gate.value());
            insert.setString(2, publicKey);
            Columns.setInstant(insert, 3, now);
            insert.setString(4, who);
            insert.executeUpdate();
        }
    }

    private static void replaceKey(Connection connection, GateId gate, String publicKey, Instant now, String who)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update gates set public_key = ?,"
                + " registered_at = ?, registered_by = ?, revoked_at = null, revoked_by = null where gate_id = ?")) {
            update.setString(1, publicKey);
            Columns.setInstant(update, 2, now);
            update.setString(3, who);
            update.setString(4, gate.value());
            update.executeUpdate();
        }
    }

    private static RegisteredGate read(ResultSet row) throws SQLException {
        return new RegisteredGate(GateId.of(row.getString("gate_id")), row.getString("public_key"),
                Columns.getInstant(row, "registered_at"), row.getString("registered_by"),
                Columns.getInstant(row, "revoked_at"), row.getString("revoked_by"));
    }
}
