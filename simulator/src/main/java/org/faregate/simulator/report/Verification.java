package org.faregate.simulator.report;

import java.util.List;

/**
 * What checking the gateway's database against the simulator's own record found.
 *
 * @param taps            taps the simulator made
 * @param accepted        of those, accepted by a gate
 * @param denied          of those, refused by a gate
 * @param chargedMinor    fare revenue in the gateway's ledger
 * @param expectedMinor   what pricing the simulator's own record of accepted taps gives
 * @param lost            taps the simulator made that the gateway does not have
 * @param doubleCharged   taps charged more in the ledger than their expected fare
 * @param mischarged      taps whose ledger charge differs from their expected fare in any way
 * @param ledgerBalanced  every account's balance equals the sum of its wallet postings, and every ledger
 *                        transaction sums to zero
 * @param problems        one line per discrepancy found (empty when all agree)
 */
public record Verification(long taps, long accepted, long denied, long chargedMinor, long expectedMinor, String currency,
                           long lost, long doubleCharged, long mischarged, boolean ledgerBalanced,
                           List<String> problems) {

    public Verification {
        problems = List.copyOf(problems);
    }

    public boolean allGood() {
        return lost == 0 && doubleCharged == 0 && mischarged == 0 && ledgerBalanced && chargedMinor == expectedMinor;
    }
}
