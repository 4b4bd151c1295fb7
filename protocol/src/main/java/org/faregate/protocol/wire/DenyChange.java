package org.faregate.protocol.wire;

import java.util.Objects;
import org.faregate.protocol.CredentialId;

/** One deny-list entry at one version: the credential is now denied, or no longer denied. */
public record DenyChange(CredentialId credentialId, boolean denied, long version, String reason) {

    public DenyChange {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(reason, "reason");
        if (version <= 0) {
            throw new IllegalArgumentException("deny-list versions start at 1: " + version);
        }
    }
}
