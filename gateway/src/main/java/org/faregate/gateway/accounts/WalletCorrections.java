package org.faregate.gateway.accounts;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.ledger.Correction;
import org.faregate.gateway.ledger.CorrectionReason;
import org.faregate.gateway.ledger.EntryKind;
import org.faregate.gateway.ledger.LedgerPosting;
import org.faregate.gateway.ledger.RecordedTransaction;
import org.faregate.gateway.ledger.SqlLedger;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.wire.DenyChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator corrections of a wallet: adjustments (either sign, balanced on the {@code adjustments} book) and
 * refunds (money paid back to the rider, moved to {@code refunds_payable}). Each records its reason, note and
 * actor, and is idempotent by reference. Balances change through {@link Balances}, so crossing the floor denies
 * or restores the account's credentials. Blocking.
 */
public final class WalletCorrections {

    private static final Logger logger = LoggerFactory.getLogger(WalletCorrections.class);

    /**
     * An operator's adjustment or refund as posted.
     *
     * @param amountMinor adjustment: signed, non-zero, added to the wallet; refund: positive, taken from the wallet
     * @param reason      a {@link CorrectionReason} code
     * @param note        free text, required for {@code other}
     * @param reference   the idempotency key: the same reference again answers the first result
     */
    public record CorrectionRequest(long amountMinor, String currency, String reason, String note, String reference) {
        public CorrectionRequest {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(reason, "reason");
            if (reference == null || reference.isBlank() || reference.length() > 100) {
                throw new IllegalArgumentException("reference must be 1-100 characters");
            }
            if (note != null && note.length() > 500) {
                throw new IllegalArgumentException("note must be at most 500 characters");
            }
            note = note == null || note.isBlank() ? null : note;
        }
    }

    /**
     * What a correction did. Replaying its reference answers the same receipt.
     *
     * @param amountMinor as requested: the adjustment (signed) or the refund (positive)
     */
    public record Receipt(UUID transactionId, AccountId accountId, String kind, long amountMinor, String currency,
                          String reason, String note, String reference, String actor, Instant at) {
    }

    private record Outcome(Receipt receipt, List<DenyChange> denyChanges) {
    }

    private final Database database;
    private final SqlAccounts accounts;
    private final SqlLedger ledger;
    private final Balances balances;
    private final DenyService denyService;
    private final InstantSource clock;

    public WalletCorrections(Database database, SqlAccounts accounts, SqlLedger ledger, Balances balances,
                             DenyService denyService, InstantSource clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.balances = Objects.requireNonNull(balances, "balances");
        this.denyService = Objects.requireNonNull(denyService, "denyService");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds a signed, non-zero amount to the wallet. */
    public Receipt adjust(AccountId id, CorrectionRequest request, String actor) {
        if (request.amountMinor() == 0) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "amountMinor: an adjustment must not be zero");
        }
        return correct(id, EntryKind.ADJUSTMENT, request, request.amountMinor(), actor);
    }

    /** Pays a positive amount back to the rider out of the wallet; refused beyond the balance. */
    public Receipt refund(AccountId id, CorrectionRequest request, String actor) {
        if (request.amountMinor() <= 0) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "amountMinor: a refund must be positive, was "
                    + request.amountMinor());
        }
        return correct(id, EntryKind.REFUND, request, Math.negateExact(request.amountMinor()), actor);
    }

    private Receipt correct(AccountId id, EntryKind kind, CorrectionRequest request, long walletMinor, String actor) {
        Correction correction = correction(request, actor);
        Outcome outcome = database.inTransaction(connection -> {
            Account locked = accounts.lock(connection, id).orElseThrow(
                    () -> new RefusedException(Refusal.UNKNOWN_ACCOUNT, "no account " + id));
            var earlier = ledger.findByReference(connection, id, request.reference());
            if (earlier.isPresent()) {
                requireSame(earlier.get(), kind, walletMinor, request);
                return new Outcome(receipt(id, earlier.get()), List.of());
            }
            if (!locked.currency().getCurrencyCode().equals(request.currency())) {
                throw new RefusedException(Refusal.CURRENCY_MISMATCH, "currency: account " + id + " is in "
                        + locked.currency().getCurrencyCode() + ", not " + request.currency());
            }
            if (kind == EntryKind.REFUND && locked.balanceMinor() < request.amountMinor()) {
                throw new RefusedException(Refusal.INSUFFICIENT_BALANCE, "amountMinor: a refund of "
                        + request.amountMinor() + " exceeds the balance of " + locked.balanceMinor() + " "
                        + request.currency() + " of account " + id);
            }
            // Stored to the microsecond: the receipt a replay reads back must equal this one.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String explanation = kind.code() + " " + correction.reason().code()
                    + (correction.note() == null ? "" : ": " + correction.note());
            UUID transaction = ledger.post(connection, new LedgerPosting(id, kind, walletMinor, locked.currency(),
                    null, request.reference(), explanation, now, correction));
            Balances.Change change = balances.add(connection, locked, walletMinor, now);
            return new Outcome(new Receipt(transaction, id, kind.code(), request.amountMinor(), request.currency(),
                    correction.reason().code(), correction.note(), request.reference(), actor, now),
                    change.denyChanges());
        });
        denyService.publish(outcome.denyChanges());
        Receipt receipt = outcome.receipt();
        logger.info("Wallet corrected [account={}, kind={}, amountMinor={}, reason={}, actor={}, transaction={}]",
                id, receipt.kind(), receipt.amountMinor(), receipt.reason(), receipt.actor(), receipt.transactionId());
        return receipt;
    }

    private static Correction correction(CorrectionRequest request, String actor) {
        CorrectionReason reason = CorrectionReason.find(request.reason()).orElseThrow(() -> new RefusedException(
                Refusal.UNKNOWN_CORRECTION_REASON, "reason: '" + request.reason() + "' is not one of "
                + List.of(CorrectionReason.values()).stream().map(CorrectionReason::code).toList()));
        if (reason.needsNote() && request.note() == null) {
            throw new RefusedException(Refusal.NOTE_REQUIRED, "note: reason '" + reason.code()
                    + "' needs a note saying what happened");
        }
        return new Correction(reason, request.note(), actor);
    }

    private static void requireSame(RecordedTransaction earlier, EntryKind kind, long walletMinor,
                                    CorrectionRequest request) {
        boolean same = earlier.kind() == kind && earlier.amountMinor() == walletMinor
                && earlier.currency().equals(request.currency()) && request.reason().equals(earlier.reason())
                && Objects.equals(request.note(), earlier.note());
        if (!same) {
            throw new RefusedException(Refusal.REFERENCE_CONFLICT, "reference: '" + request.reference()
                    + "' was already used for a " + earlier.kind().code() + " of " + earlier.amountMinor() + " "
                    + earlier.currency() + (earlier.reason() == null ? "" : " (" + earlier.reason() + ")"));
        }
    }

    private static Receipt receipt(AccountId id, RecordedTransaction earlier) {
        long requested = earlier.kind() == EntryKind.REFUND ? Math.negateExact(earlier.amountMinor())
                : earlier.amountMinor();
        return new Receipt(earlier.id(), id, earlier.kind().code(), requested, earlier.currency(),
                earlier.reason(), earlier.note(), earlier.reference(), earlier.actor(), earlier.at());
    }
}
