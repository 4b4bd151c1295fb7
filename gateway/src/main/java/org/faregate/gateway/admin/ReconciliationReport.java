package org.faregate.gateway.admin;

import java.util.List;

/**
 * Whether money adds up (docs/ledger.md, "Reconciliation"): every ledger transaction sums to zero; per
 * currency, the balances equal the wallet postings and the fare revenue equals the tap charges; every account's
 * balance equals its wallet postings; every posting belongs to a transaction (and a wallet posting to an
 * account) that exists. With the totals of every book, and tap counts.
 *
 * @param balanced               every check passed
 * @param mismatches             accounts whose balance is not the sum of their wallet postings
 * @param chargedTaps            taps whose current charge is not zero
 * @param unbalancedTransactions transactions whose postings do not sum to zero (the first 100)
 * @param books                  the total of every book, per currency
 * @param orphanPostings         postings whose transaction, or whose wallet's account, does not exist
 */
public record ReconciliationReport(boolean balanced, List<CurrencyTotals> currencies, List<AccountMismatch> mismatches,
                                   long taps, long acceptedTaps, long chargedTaps,
                                   List<UnbalancedTransaction> unbalancedTransactions, List<BookTotal> books,
                                   long orphanPostings) {

    /** How many unbalanced transactions a report lists at most. */
    public static final int MAX_LISTED = 100;

    public ReconciliationReport {
        currencies = List.copyOf(currencies);
        mismatches = List.copyOf(mismatches);
        unbalancedTransactions = List.copyOf(unbalancedTransactions);
        books = List.copyOf(books);
    }

    /**
     * @param balancesMinor    the sum of the account balances
     * @param ledgerMinor      the sum of the wallet postings; equals the balances
     * @param topUpsMinor      what top-ups put into wallets: minus the {@code top_up_clearing} book
     * @param fareRevenueMinor what fares took from wallets: the {@code fare_revenue} book
     * @param adjustmentsMinor what adjustments put into wallets: minus the {@code adjustments} book
     * @param refundsMinor     what refunds took out of wallets: the {@code refunds_payable} book
     * @param tapChargesMinor  the sum of the current charges of all taps; equals the fare revenue
     * @param postingsMinor    the sum of all postings; zero
     */
    public record CurrencyTotals(String currency, long accounts, long balancesMinor, long ledgerMinor, long topUpsMinor,
                                 long fareRevenueMinor, long adjustmentsMinor, long tapChargesMinor, boolean balanced,
                                 long refundsMinor, long postingsMinor) {
    }

    public record AccountMismatch(long accountId, String currency, long balanceMinor, long ledgerMinor) {
    }

    /** A transaction whose postings in {@code currency} sum to {@code sumMinor}, not zero. */
    public record UnbalancedTransaction(String transactionId, String currency, long sumMinor) {
    }

    /** The sum of the postings of one book in one currency. */
    public record BookTotal(String currency, String book, long totalMinor) {
    }
}
