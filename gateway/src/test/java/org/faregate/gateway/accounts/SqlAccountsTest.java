package org.faregate.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.faregate.gateway.TestDatabases;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.RiderCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Account rows on a real database (H2, or PostgreSQL with FAREGATE_TEST_PG_URL). */
class SqlAccountsTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");

    private final Database database = Database.open(TestDatabases.fresh());
    private final SqlAccounts accounts = new SqlAccounts();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void updateAllStoresEveryBalanceDeniedFlagAndPricingVersionOverSeveralStatements() {
        List<Account> opened = database.inTransaction(connection -> {
            List<Account> rows = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                rows.add(accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT));
            }
            return rows;
        });
        List<Account> changed = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            Account account = opened.get(i).withBalance(-i).withDenied(i % 3 == 0);
            changed.add(i % 2 == 0 ? account.repriced() : account);
        }

        Map<AccountId, Account> stored = database.inTransaction(connection -> {
            accounts.updateAll(connection, changed);
            return accounts.lockAll(connection, opened.stream().map(Account::id).toList());
        });

        assertThat(stored).hasSize(250);
        for (int i = 0; i < opened.size(); i++) {
            Account account = stored.get(opened.get(i).id());
            assertThat(account.balanceMinor()).isEqualTo(-i);
            assertThat(account.denied()).isEqualTo(i % 3 == 0);
            assertThat(account.pricingVersion()).isEqualTo(i % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void updateAllRefusesAnAccountThatDoesNotExist() {
        Account real = database.inTransaction(connection -> accounts.open(connection, RiderCategory.ADULT, CNY, 0, AT));
        Account missing = new Account(AccountId.of(real.id().value() + 1_000), real.category(), CNY, 5, 0, false, 0);

        assertThatThrownBy(() -> database.inTransaction(connection -> {
            accounts.updateAll(connection, List.of(real.withBalance(7), missing));
            return null;
        })).hasMessageContaining("1 of 2 updated");
    }
}
