package org.faregate.gateway.admin;

import java.util.List;

/**
 * Whether money adds up: per currency, balances against the ledger and tap charges against fare entries;
 * any account whose balance is not the sum of its ledger entries; and tap counts.
 *
 * @param chargedTaps taps whose current charge is not zero
 */
public record ReconciliationReport(boolean balanced, List<CurrencyTotals> currencies, List<AccountMismatch> mismatches,
                                   long taps, long acceptedTaps, long chargedTaps) {

    public ReconciliationReport {
        currencies = List.copyOf(currencies);
        mismatches = List.copyOf(mismatches);
    }

    /**
     * @param fareRevenueMinor what fares took from wallets: minus the sum of fare entries
     * @param tapChargesMinor  the sum of the current charges of all taps; equals the fare revenue
     */
    public record CurrencyTotals(String currency, long accounts, long balancesMinor, long ledgerMinor, long topUpsMinor,
                                 long fareRevenueMinor, long adjustmentsMinor, long tapChargesMinor, boolean balanced) {
    }

    public record AccountMismatch(long accountId, String currency, long balanceMinor, long ledgerMinor) {
    }
}
