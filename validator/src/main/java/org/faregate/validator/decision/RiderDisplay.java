package org.faregate.validator.decision;

import org.faregate.protocol.Reason;

/** The one table from reason code to what the gate's display tells the rider. */
public final class RiderDisplay {

    private RiderDisplay() {
    }

    public static String textFor(Reason reason) {
        return switch (reason) {
            case ACCEPTED -> "Go ahead";
            case MALFORMED_TOKEN -> "Code not recognised - please refresh your code";
            case UNKNOWN_KEY -> "Code not recognised - please update your app";
            case BAD_SIGNATURE -> "Invalid code - please see staff";
            case NOT_YET_VALID -> "Ticket not valid yet";
            case EXPIRED_CREDENTIAL -> "Ticket expired - please renew in your app";
            case EXPIRED_TOKEN -> "Code expired - please refresh your code";
            case FUTURE_TOKEN -> "Check your phone's clock and refresh your code";
            case OVER_LIMIT -> "Please go online to refresh your ticket";
            case DENIED_TOKEN -> "Ticket blocked - please see staff";
            case REPLAYED -> "Code already used - please refresh your code";
            case PASSBACK -> "Already entered - please see staff";
            case CARD_ERROR -> "Please tap again and hold still";
            case UNSUPPORTED_CARD -> "Card not accepted here";
        };
    }
}
