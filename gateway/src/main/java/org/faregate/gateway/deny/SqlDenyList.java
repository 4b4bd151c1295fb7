package org.faregate.gateway.deny;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faregate.gateway.sql.Columns;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;

/**
 * The deny list of record: the latest change of each credential, versioned by the one-row
 * {@code deny_list_clock}. Every change locks that row, so changes are serialized: versions are gapless
 * and committed in version order. Callers that read before they write call {@link #lock} first.
 * Lock order: account rows (ascending) before the clock.
 */
public final class SqlDenyList {

    /** Takes the deny-list lock until the transaction ends. */
    public void lock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select version from deny_list_clock where id = 1 for update");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("deny_list_clock has no row");
            }
        }
    }

    /** Records a change at the next version (taking the lock if not yet held) and returns it. */
    public DenyChange write(Connection connection, CredentialId id, boolean denied, String reason, Instant at)
            throws SQLException {
        long version = nextVersion(connection);
        String trimmed = Columns.fit(reason, 200);
        String update = "update deny_list set denied = ?, version = ?, reason = ?, changed_at = ? where credential_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setBoolean(1, denied);
            statement.setLong(2, version);
            statement.setString(3, trimmed);
            Columns.setInstant(statement, 4, at);
            statement.setObject(5, id.value());
            if (statement.executeUpdate() == 0) {
                insert(connection, id, denied, version, trimmed, at);
            }
        }
        return new DenyChange(id, denied, version, trimmed);
    }

    private static void insert(Connection connection, CredentialId id, boolean denied, long version, String reason,
                               Instant at) throws SQLException {
        String sql = "insert into deny_list (credential_id, denied, version, reason, changed_at) values (?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, id.value());
            insert.setBoolean(2, denied);
            insert.setLong(3, version);
            insert.setString(4, reason);
            Columns.setInstant(insert, 5, at);
            insert.executeUpdate();
        }
    }

    private static long nextVersion(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update deny_list_clock set version = version + 1 where id = 1")) {
            update.executeUpdate();
        }
        return clock(connection);
    }

    /**
     * The last version handed out. Writers hold the clock row until they commit, so once this value is
     * visible every version up to it is committed.
     */
    public static long clock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select version from deny_list_clock where id = 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("deny_list_clock has no row");
            }
            return row.getLong(1);
        }
    }

    public Optional<DenyChange> find(Connection connection, CredentialId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select credential_id, denied, version, reason from deny_list where credential_id = ?")) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(change(row)) : Optional.empty();
            }
        }
    }

    /** Every credential's latest change, in version order. */
    public List<DenyChange> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select credential_id, denied, version, reason from deny_list order by version");
             ResultSet row = select.executeQuery()) {
            List<DenyChange> changes = new ArrayList<>();
            while (row.next()) {
                changes.add(change(row));
            }
            return changes;
        }
    }

    /** The credentials issued to the account, in issue-independent (id) order. */
    public List<CredentialId> credentialsOf(Connection connection, AccountId account) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select credential_id from credentials where account_id = ? order by credential_id")) {
            select.setLong(1, account.value());
            try (ResultSet row = select.executeQuery()) {
                List<CredentialId> ids = new ArrayList<>();
                while (row.next()) {
                    ids.add(new CredentialId(Columns.getUuid(row, "credential_id")));
                }
                return ids;
            }
        }
    }

    public Optional<AccountId> accountOf(Connection connection, CredentialId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select account_id from credentials where credential_id = ?")) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(AccountId.of(row.getLong(1))) : Optional.empty();
            }
        }
    }

    private static DenyChange change(ResultSet row) throws SQLException {
        return new DenyChange(new CredentialId(Columns.getUuid(row, "credential_id")), row.getBoolean("denied"),
                row.getLong("version"), row.getString("reason"));
    }
}
