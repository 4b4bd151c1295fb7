package org.faregate.gateway.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        Account after = locked.withBalance(Math.addExact(locked.balanceMinor(), deltaMinor));
        List<DenyChange> changes = new ArrayList<>();
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
        if (after.balanceMinor() != locked.balanceMinor() || after.denied() != locked.denied()) {
            accounts.update(connection, after);
        }
        return new Change(after, changes);
    }
}
