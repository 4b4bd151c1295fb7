package org.faregate.gateway.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.faregate.gateway.sql.Columns;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.RiderCategory;

/**
 * Account rows. Anything that changes a balance or the denied flag first takes the row lock with
 * {@link #lock}; transactions that lock several accounts lock them in ascending id order.
 */
public final class SqlAccounts {

    private static final String COLUMNS = "id, rider_category, currency, balance_minor, floor_minor, denied";

    public Account open(Connection connection, RiderCategory category, Currency currency, long floorMinor,
                        Instant at) throws SQLException {
        String sql = "insert into accounts (rider_category, currency, balance_minor, floor_minor, denied, opened_at)"
                + " values (?, ?, 0, ?, false, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            insert.setString(1, category.id());
            insert.setString(2, currency.getCurrencyCode());
            insert.setLong(3, floorMinor);
            Columns.setInstant(insert, 4, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for the account");
                }
                return new Account(AccountId.of(keys.getLong(1)), category, currency, 0, floorMinor, false);
            }
        }
    }

    public Optional<Account> find(Connection connection, AccountId id) throws SQLException {
        return select(connection, "select " + COLUMNS + " from accounts where id = ?", id);
    }

    /** Locks the account row until the transaction ends and returns it as it now is. */
    public Optional<Account> lock(Connection connection, AccountId id) throws SQLException {
        return select(connection, "select " + COLUMNS + " from accounts where id = ? for update", id);
    }

    /** Stores the balance and denied flag of a locked account. */
    public void update(Connection connection, Account account) throws SQLException {
        String sql = "update accounts set balance_minor = ?, denied = ? where id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, account.balanceMinor());
            update.setBoolean(2, account.denied());
            update.setLong(3, account.id().value());
            if (update.executeUpdate() != 1) {
                throw new SQLException("account " + account.id() + " vanished");
            }
        }
    }

    private static Optional<Account> select(Connection connection, String sql, AccountId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String category = row.getString("rider_category");
                return Optional.of(new Account(AccountId.of(row.getLong("id")),
                        RiderCategory.findById(category).orElseThrow(
                                () -> new SQLException("account " + id + " has unknown rider category " + category)),
                        Currency.getInstance(row.getString("currency").trim()),
                        row.getLong("balance_minor"), row.getLong("floor_minor"), row.getBoolean("denied")));
            }
        }
    }
}
