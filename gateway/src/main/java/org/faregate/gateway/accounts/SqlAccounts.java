package org.faregate.gateway.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.MultiRowInsert;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.RiderCategory;

/**
 * Account rows. Anything that changes a balance or the denied flag first takes the row lock with
 * {@link #lock}; transactions that lock several accounts lock them in ascending id order.
 */
public final class SqlAccounts {

    private static final String COLUMNS = "id, rider_category, currency, balance_minor, floor_minor, denied,"
            + " pricing_version";

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
                return new Account(AccountId.of(keys.getLong(1)), category, currency, 0, floorMinor, false, 0);
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

    /**
     * Locks the given accounts in ascending id order (one statement) and returns those that exist, by id.
     * Ascending order is the order every transaction that locks several accounts uses, so none deadlock.
     */
    public Map<AccountId, Account> lockAll(Connection connection, Collection<AccountId> ids) throws SQLException {
        Map<AccountId, Account> locked = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        String sql = "select " + COLUMNS + " from accounts where id in (" + Columns.placeholders(ids.size())
                + ") order by id for update";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (AccountId id : ids) {
                select.setLong(index++, id.value());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Account account = account(row);
                    locked.put(account.id(), account);
                }
            }
        }
        return locked;
    }

    /** Which of the given accounts exist (one statement, no locks). */
    public Set<AccountId> existing(Connection connection, Collection<AccountId> ids) throws SQLException {
        Set<AccountId> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        String sql = "select id from accounts where id in (" + Columns.placeholders(ids.size()) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (AccountId id : ids) {
                select.setLong(index++, id.value());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(AccountId.of(row.getLong(1)));
                }
            }
        }
        return found;
    }

    /**
     * Stores the balances, denied flags and pricing versions of locked accounts: a {@code merge} of a hundred
     * accounts per statement (a batch of single-row updates cost PostgreSQL a statement per account, 12 µs
     * each under load).
     */
    public void updateAll(Connection connection, Collection<Account> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        long updated = MultiRowInsert.execute(connection, count -> "merge into accounts a using (values "
                + MultiRowInsert.rows("(cast(? as bigint), cast(? as bigint), cast(? as boolean), cast(? as bigint))",
                        count)
                + ") as v (id, balance_minor, denied, pricing_version) on a.id = v.id"
                + " when matched then update set balance_minor = v.balance_minor, denied = v.denied,"
                + " pricing_version = v.pricing_version",
                4, List.copyOf(changed), (merge, base, account) -> {
                    merge.setLong(base + 1, account.id().value());
                    merge.setLong(base + 2, account.balanceMinor());
                    merge.setBoolean(base + 3, account.denied());
                    merge.setLong(base + 4, account.pricingVersion());
                });
        if (updated != changed.size()) {
            throw new SQLException("an account vanished during a balance update: " + updated + " of "
                    + changed.size() + " updated");
        }
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
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        }
    }

    private static Account account(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        String category = row.getString("rider_category");
        return new Account(AccountId.of(id), RiderCategory.findById(category).orElseThrow(
                () -> new SQLException("account " + id + " has unknown rider category " + category)),
                Currency.getInstance(row.getString("currency").trim()),
                row.getLong("balance_minor"), row.getLong("floor_minor"), row.getBoolean("denied"),
                row.getLong("pricing_version"));
    }
}
