package org.faregate.gateway.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.faregate.gateway.deny.DenyReasons;
import org.faregate.gateway.deny.SqlDenyList;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;

/**
 * The one place a balance changes. Below the floor, every credential of the account is denied; back at
 * the floor, the credentials denied for the balance are un-denied (an operator's denials stay).
 */
public final class Balances {

    private final SqlAccounts accounts;
    private final SqlDenyList denyList;

    public Balances(SqlAccounts accounts, SqlDenyList denyList) {
        this.accounts = accounts;
        this.denyList = denyList;
    }

    /** The account after a change, and the deny-list changes to publish once the transaction commits. */
    public record Change(Account account, List<DenyChange> denyChanges) {
        public Change {
            denyChanges = List.copyOf(denyChanges);
        }
    }

    /** Adds {@code deltaMinor} to a locked account's balance and denies or restores its credentials. */
    public Change add(Connection connection, Account locked, long deltaMinor, Instant at) throws SQLException {
        List<DenyChange> changes = new ArrayList<>();
        Account after = settle(connection, locked, deltaMinor, at, changes);
        if (changed(locked, after)) {
            accounts.update(connection, after);
        }
        return new Change(after, changes);
    }

    /**
     * As {@link #add} for the locked accounts a pricing round re-priced ({@code deltas}: each account and what
     * to add, zero included): every one is stored, in one batch, {@linkplain Account#repriced() repriced}.
     * Returns the deny-list changes to publish after the commit.
     */
    public List<DenyChange> addPriced(Connection connection, Map<Account, Long> deltas, Instant at)
            throws SQLException {
        List<DenyChange> changes = new ArrayList<>();
        List<Account> priced = new ArrayList<>();
        for (Map.Entry<Account, Long> delta : deltas.entrySet()) {
            priced.add(settle(connection, delta.getKey(), delta.getValue(), at, changes).repriced());
        }
        accounts.updateAll(connection, priced);
        return changes;
    }

    private static boolean changed(Account before, Account after) {
        return after.balanceMinor() != before.balanceMinor() || after.denied() != before.denied();
    }

    /** The account after the change; the deny-list changes it causes are written and added to {@code changes}. */
    private Account settle(Connection connection, Account locked, long deltaMinor, Instant at, List<DenyChange> changes)
            throws SQLException {
        Account after = locked.withBalance(Math.addExact(locked.balanceMinor(), deltaMinor));
        if (after.belowFloor() && !after.denied()) {
            after = after.withDenied(true);
            denyList.lock(connection);
            for (CredentialId credential : denyList.credentialsOf(connection, after.id())) {
                boolean alreadyDenied = denyList.find(connection, credential).map(DenyChange::denied).orElse(false);
                if (!alreadyDenied) {
                    changes.add(denyList.write(connection, credential, true, DenyReasons.BALANCE_BELOW_FLOOR, at));
                }
            }
        } else if (!after.belowFloor() && after.denied()) {
            after = after.withDenied(false);
            denyList.lock(connection);
            for (CredentialId credential : denyList.credentialsOf(connection, after.id())) {
                boolean deniedForBalance = denyList.find(connection, credential)
                        .filter(change -> change.denied() && DenyReasons.BALANCE_BELOW_FLOOR.equals(change.reason()))
                        .isPresent();
                if (deniedForBalance) {
                    changes.add(denyList.write(connection, credential, false, DenyReasons.BALANCE_RESTORED, at));
                }
            }
        }
        return after;
    }
}
