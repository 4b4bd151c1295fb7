package org.faregate.validator.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;

/**
 * What a gate decided about one tap. Credential and account are named only when the issuer's signature
 * on the credential checked out (a forged credential must not point at someone's account).
 *
 * @param credentialId null when the credential could not be read or authenticated
 * @param accountId    null when the credential could not be read or authenticated
 * @param display      the rider-facing text for the gate's display
 * @param detail       what exactly was checked or wrong, for logs and technicians (never the whole card id)
 */
public record TapDecision(TapId tapId, Instant at, Reason reason, CredentialId credentialId, AccountId accountId,
                          String display, String detail) {

    public TapDecision {
        Objects.requireNonNull(tapId, "tapId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(detail, "detail");
        if ((credentialId == null) != (accountId == null)) {
            throw new IllegalArgumentException("credential and account are named together or not at all");
        }
        if (reason.accepted() && credentialId == null) {
            throw new IllegalArgumentException("an accepted tap names its credential and account");
        }
    }

    /** A refusal that names no credential (unreadable token, unknown issuer, card failure). */
    public static TapDecision anonymousRefusal(TapId tapId, Instant at, Reason reason, String detail) {
        return new TapDecision(tapId, at, reason, null, null, RiderDisplay.textFor(reason), detail);
    }

    public boolean accepted() {
        return reason.accepted();
    }

    public Optional<CredentialId> findCredential() {
        return Optional.ofNullable(credentialId);
    }

    public Optional<AccountId> findAccount() {
        return Optional.ofNullable(accountId);
    }
}
