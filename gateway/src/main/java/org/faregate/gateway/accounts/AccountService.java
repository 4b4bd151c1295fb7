package org.faregate.gateway.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.ledger.EntryKind;
import org.faregate.gateway.ledger.LedgerPosting;
import org.faregate.gateway.ledger.RecordedTransaction;
import org.faregate.gateway.ledger.SqlLedger;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.Accounts.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rider wallets: open, look up, top up (idempotent by reference), history. Blocking. */
public final class AccountService {

    private static final Logger logger = LoggerFactory.getLogger(AccountService.class);

    private final Database database;
    private final SqlAccounts accounts;
    private final SqlLedger ledger;
    private final Balances balances;
    private final DenyService denyService;
    private final Currency currency;
    private final long floorMinor;
    private final InstantSource clock;

    public AccountService(Database database, SqlAccounts accounts, SqlLedger ledger, Balances balances,
                          DenyService denyService, Currency currency, long floorMinor, InstantSource clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.balances = Objects.requireNonNull(balances, "balances");
        this.denyService = Objects.requireNonNull(denyService, "denyService");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.floorMinor = floorMinor;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Accounts.View open(Accounts.OpenRequest request) {
        RiderCategory category = RiderCategory.findById(request.riderCategory()).orElseThrow(() -> new RefusedException(
                Refusal.UNKNOWN_RIDER_CATEGORY, "riderCategory: unknown rider category '" + request.riderCategory() + "'"));
        Account account = database.inTransaction(
                connection -> accounts.open(connection, category, currency, floorMinor, clock.instant()));
        logger.info("Account opened [account={}, category={}]", account.id(), category.id());
        return account.view();
    }

    public Accounts.View view(AccountId id) {
        return database.inTransaction(connection -> existing(connection, id)).view();
    }

    /** Adds money once per reference; the same reference again returns the account unchanged. */
    public Accounts.View topUp(AccountId id, Accounts.TopUpRequest request) {
        if (!currency.getCurrencyCode().equals(request.currency())) {
            throw new RefusedException(Refusal.CURRENCY_MISMATCH, "currency: account " + id + " is in "
                    + currency.getCurrencyCode() + ", not " + request.currency());
        }
        Balances.Change change = database.inTransaction(connection -> {
            Account locked = accounts.lock(connection, id).orElseThrow(() -> unknown(id));
            var earlier = ledger.findByReference(connection, id, request.reference());
            if (earlier.isPresent()) {
                requireSameTopUp(earlier.get(), request);
                return new Balances.Change(locked, List.of());
            }
            Instant now = clock.instant();
            ledger.post(connection, new LedgerPosting(id, EntryKind.TOP_UP, request.amountMinor(), currency, null,
                    request.reference(), "top-up " + request.reference(), now));
            return balances.add(connection, locked, request.amountMinor(), now);
        });
        denyService.publish(change.denyChanges());
        return change.account().view();
    }

    public Accounts.History history(AccountId id) {
        return database.inTransaction(connection -> {
            Account account = existing(connection, id);
            List<LedgerEntry> entries = ledger.entries(connection, id);
            return new Accounts.History(id, account.balanceMinor(), account.currency().getCurrencyCode(), entries);
        });
    }

    private Account existing(Connection connection, AccountId id) throws SQLException {
        return accounts.find(connection, id).orElseThrow(() -> unknown(id));
    }

    private static RefusedException unknown(AccountId id) {
        return new RefusedException(Refusal.UNKNOWN_ACCOUNT, "no account " + id);
    }

    private static void requireSameTopUp(RecordedTransaction earlier, Accounts.TopUpRequest request) {
        if (earlier.kind() != EntryKind.TOP_UP || earlier.amountMinor() != request.amountMinor()
                || !earlier.currency().equals(request.currency())) {
            throw new RefusedException(Refusal.REFERENCE_CONFLICT, "reference: '" + request.reference()
                    + "' was already used for a " + earlier.kind().code() + " of " + earlier.amountMinor() + " "
                    + earlier.currency());
        }
    }
}
