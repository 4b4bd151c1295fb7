package org.faregate.protocol.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.TapId;

/** The rider account API's messages. Money is always minor units plus an ISO 4217 currency code. */
public final class Accounts {

    private Accounts() {
    }

    /** Opens a wallet; {@code riderCategory} is a rider_category_id such as {@code adult}. */
    public record OpenRequest(String riderCategory) {
        public OpenRequest {
            Objects.requireNonNull(riderCategory, "riderCategory");
        }
    }

    public record View(AccountId accountId, String riderCategory, long balanceMinor, String currency,
                       long floorMinor, boolean denied) {
    }

    /**
     * The answer to opening an account: the account as {@link View} has it, and the rider token that opens
     * this account's routes ({@code Authorization: Bearer <riderToken>}), shown this once. Readers that want a
     * {@link View} may read this body as one.
     */
    public record Opened(AccountId accountId, String riderCategory, long balanceMinor, String currency,
                         long floorMinor, boolean denied, String riderToken) {
        public Opened {
            Objects.requireNonNull(riderToken, "riderToken");
        }

        public static Opened of(View view, String riderToken) {
            return new Opened(view.accountId(), view.riderCategory(), view.balanceMinor(), view.currency(),
                    view.floorMinor(), view.denied(), riderToken);
        }

        public View view() {
            return new View(accountId, riderCategory, balanceMinor, currency, floorMinor, denied);
        }

        @Override
        public String toString() {
            return "Opened[accountId=" + accountId + ", riderCategory=" + riderCategory + ", riderToken=redacted]";
        }
    }

    /** Adds money; {@code reference} makes the top-up idempotent (the same reference twice adds once). */
    public record TopUpRequest(long amountMinor, String currency, String reference) {
        public TopUpRequest {
            if (amountMinor <= 0) {
                throw new IllegalArgumentException("top-up amount must be positive: " + amountMinor);
            }
            Objects.requireNonNull(currency, "currency");
            if (reference == null || reference.isBlank() || reference.length() > 100) {
                throw new IllegalArgumentException("top-up reference must be 1-100 characters");
            }
        }
    }

    /** Asks for a credential binding a device key (hex of the SEC1 point); {@code media} is phone or card. */
    public record CredentialRequest(String devicePublicKey, String media) {
        public CredentialRequest {
            Objects.requireNonNull(devicePublicKey, "devicePublicKey");
            Objects.requireNonNull(media, "media");
        }
    }

    /** An issued credential: its 146 bytes as hex, ready for the phone or card. */
    public record IssuedCredential(CredentialId credentialId, String credential, Instant validUntil) {
    }

    public record LedgerEntry(long entryId, String kind, long amountMinor, String currency, TapId tapId,
                              String explanation, Instant at) {
    }

    public record History(AccountId accountId, long balanceMinor, String currency, List<LedgerEntry> entries) {
        public History {
            entries = List.copyOf(entries);
        }
    }
}
