package org.faregate.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faregate.gateway.sql.Columns;

/** Rows of the {@code operators} table and the rider tokens of {@code rider_tokens}. Only token hashes are stored. */
final class SqlOperators {

    /** An operator as stored, without its token hash. */
    record Row(String operatorId, Role role, Instant createdAt, String createdBy, Instant revokedAt,
               String revokedBy) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    private static final String COLUMNS = "operator_id, role, created_at, created_by, revoked_at, revoked_by";

    Optional<Row> find(Connection connection, String operatorId, boolean lock) throws SQLException {
        return one(connection, "select " + COLUMNS + " from operators where operator_id = ?" + (lock ? " for update" : ""),
                operatorId);
    }

    Optional<Row> findByHash(Connection connection, String tokenHash) throws SQLException {
        return one(connection, "select " + COLUMNS + " from operators where token_hash = ?", tokenHash);
    }

    /** Whether {@code operatorId}'s stored hash is {@code tokenHash}. */
    boolean hasHash(Connection connection, String operatorId, String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from operators where operator_id = ? and token_hash = ?")) {
            select.setString(1, operatorId);
            select.setString(2, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    List<Row> list(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from operators order by operator_id");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(read(row));
            }
        }
        return rows;
    }

    void insert(Connection connection, String operatorId, Role role, String tokenHash, Instant at, String by)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into operators"
                + " (operator_id, role, token_hash, created_at, created_by) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, operatorId);
            insert.setString(2, role.code());
            insert.setString(3, tokenHash);
            Columns.setInstant(insert, 4, at);
            insert.setString(5, by);
            insert.executeUpdate();
        }
    }

    /** Gives an operator a new token hash and role and ends any revocation (the bootstrap admin's rotation). */
    void replaceToken(Connection connection, String operatorId, Role role, String tokenHash, Instant at, String by)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update operators set role = ?, token_hash = ?,"
                + " created_at = ?, created_by = ?, revoked_at = null, revoked_by = null where operator_id = ?")) {
            update.setString(1, role.code());
            update.setString(2, tokenHash);
            Columns.setInstant(update, 3, at);
            update.setString(4, by);
            update.setString(5, operatorId);
            update.executeUpdate();
        }
    }

    void revoke(Connection connection, String operatorId, Instant at, String by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update operators set revoked_at = ?, revoked_by = ? where operator_id = ? and revoked_at is null")) {
            Columns.setInstant(update, 1, at);
            update.setString(2, by);
            update.setString(3, operatorId);
            update.executeUpdate();
        }
    }

    void insertRiderToken(Connection connection, String tokenHash, long accountId, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into rider_tokens (token_hash, account_id, created_at) values (?, ?, ?)")) {
            insert.setString(1, tokenHash);
            insert.setLong(2, accountId);
            Columns.setInstant(insert, 3, at);
            insert.executeUpdate();
        }
    }

    /** Drops every rider token of the account: the tokens handed out before stop working. */
    void deleteRiderTokens(Connection connection, long accountId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from rider_tokens where account_id = ?")) {
            delete.setLong(1, accountId);
            delete.executeUpdate();
        }
    }

    boolean accountExists(Connection connection, long accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from accounts where id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    Optional<Long> riderAccount(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select account_id from rider_tokens where token_hash = ?")) {
            select.setString(1, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong("account_id")) : Optional.empty();
            }
        }
    }

    private static Optional<Row> one(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static Row read(ResultSet row) throws SQLException {
        String role = row.getString("role");
        return new Row(row.getString("operator_id"),
                Role.find(role).orElseThrow(() -> new SQLException("operator has unknown role " + role)),
                Columns.getInstant(row, "created_at"), row.getString("created_by"),
                Columns.getInstant(row, "revoked_at"), row.getString("revoked_by"));
    }
}
