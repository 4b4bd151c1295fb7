package org.faregate.gateway;

/**
 * Why the gateway refused a request: stable snake_case codes, the {@code code} of every error body.
 * The one table that maps them to HTTP status is {@code http.ErrorTable}.
 */
public enum Refusal {
    MALFORMED_REQUEST("malformed_request"),
    MALFORMED_BATCH("malformed_batch"),
    UNSIGNED_BATCH("unsigned_batch"),
    MALFORMED_SIGNATURE("malformed_signature"),
    UNKNOWN_GATE("unknown_gate"),
    BAD_SIGNATURE("bad_signature"),
    STALE_SIGNATURE("stale_signature"),
    GATE_REVOKED("gate_revoked"),
    GATE_MISMATCH("gate_mismatch"),
    GATE_KEY_CONFLICT("gate_key_conflict"),
    UNAUTHENTICATED("unauthenticated"),
    FORBIDDEN("forbidden"),
    UNKNOWN_OPERATOR("unknown_operator"),
    OPERATOR_EXISTS("operator_exists"),
    BODY_TOO_LARGE("body_too_large"),
    RATE_LIMITED("rate_limited"),
    NOT_FOUND("not_found"),
    METHOD_NOT_ALLOWED("method_not_allowed"),
    UNKNOWN_ACCOUNT("unknown_account"),
    UNKNOWN_CREDENTIAL("unknown_credential"),
    NOT_DENIED("not_denied"),
    UNKNOWN_ISSUER_KEY("unknown_issuer_key"),
    KEY_ROTATION_CONFLICT("key_rotation_conflict"),
    UNKNOWN_RIDER_CATEGORY("unknown_rider_category"),
    CURRENCY_MISMATCH("currency_mismatch"),
    REFERENCE_CONFLICT("reference_conflict"),
    INSUFFICIENT_BALANCE("insufficient_balance"),
    UNKNOWN_CORRECTION_REASON("unknown_correction_reason"),
    NOTE_REQUIRED("note_required"),
    INVALID_FARE_RULES("invalid_fare_rules"),
    STORE_UNAVAILABLE("store_unavailable"),
    NOT_READY("not_ready"),
    INTERNAL_ERROR("internal_error");

    private final String code;

    Refusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
