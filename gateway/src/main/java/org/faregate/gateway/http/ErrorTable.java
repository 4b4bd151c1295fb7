package org.faregate.gateway.http;

import org.faregate.gateway.Refusal;

/** The one table from refusal codes to HTTP status. */
public final class ErrorTable {

    private ErrorTable() {
    }

    public static int status(Refusal refusal) {
        return switch (refusal) {
            case MALFORMED_REQUEST, MALFORMED_BATCH -> 400;
            case NOT_FOUND, UNKNOWN_ACCOUNT, UNKNOWN_CREDENTIAL, NOT_DENIED, UNKNOWN_ISSUER_KEY, UNKNOWN_OPERATOR -> 404;
            case UNSIGNED_BATCH, MALFORMED_SIGNATURE, UNKNOWN_GATE, BAD_SIGNATURE, STALE_SIGNATURE, UNAUTHENTICATED -> 401;
            case GATE_REVOKED, GATE_MISMATCH, FORBIDDEN -> 403;
            case METHOD_NOT_ALLOWED -> 405;
            case REFERENCE_CONFLICT, KEY_ROTATION_CONFLICT, GATE_KEY_CONFLICT, OPERATOR_EXISTS -> 409;
            case BODY_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case UNKNOWN_RIDER_CATEGORY, CURRENCY_MISMATCH, INVALID_FARE_RULES, INSUFFICIENT_BALANCE,
                    UNKNOWN_CORRECTION_REASON, NOTE_REQUIRED -> 422;
            case INTERNAL_ERROR -> 500;
            case STORE_UNAVAILABLE, NOT_READY -> 503;
        };
    }

    /** The refusal for a status Vert.x itself produced (no route, body limit). */
    static Refusal forStatus(int status) {
        return switch (status) {
            case 400 -> Refusal.MALFORMED_REQUEST;
            case 404 -> Refusal.NOT_FOUND;
            case 405 -> Refusal.METHOD_NOT_ALLOWED;
            case 413 -> Refusal.BODY_TOO_LARGE;
            default -> Refusal.INTERNAL_ERROR;
        };
    }
}
