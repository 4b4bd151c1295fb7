package org.faregate.gateway.admin;

import java.util.Objects;
import org.faregate.protocol.CredentialId;

/** An operator's denial of one credential, e.g. reported lost. */
public record DenyRequest(CredentialId credentialId, String reason) {

    public DenyRequest {
        Objects.requireNonNull(credentialId, "credentialId");
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new IllegalArgumentException("reason must be 1-200 characters");
        }
    }
}
