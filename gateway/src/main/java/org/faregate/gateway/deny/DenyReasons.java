package org.faregate.gateway.deny;

/** Reasons the gateway itself writes on deny-list changes; operators give their own. */
public final class DenyReasons {

    /** The account's balance fell below its floor: unpaid fares. */
    public static final String BALANCE_BELOW_FLOOR = "balance_below_floor";
    /** A top-up (or a re-priced fare) brought the balance back to the floor. */
    public static final String BALANCE_RESTORED = "balance_restored";
    /** An operator removed the credential from the deny list. */
    public static final String REMOVED_BY_OPERATOR = "removed_by_operator";

    private DenyReasons() {
    }
}
