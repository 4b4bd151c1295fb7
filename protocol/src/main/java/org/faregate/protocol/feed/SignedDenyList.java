package org.faregate.protocol.feed;

import java.security.SignatureException;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.DenyListDelta;

/**
 * A deny-list delta or snapshot as the gateway signed it (see {@link DenyListCodec}): the changes, the gateway's
 * clock when it signed ({@code issuedAt}, which gates also use to notice their own clock drifting), the key
 * that signed, and the signature over the SHA-256 digest of everything before it.
 */
public record SignedDenyList(DenyListDelta delta, Instant issuedAt, KeyId keyId, Bytes digest, Bytes signature) {

    public SignedDenyList {
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signature, "signature");
    }

    /** Checks the signature with the issuer keys the gate trusts at {@code now}; returns the delta to apply. */
    public DenyListDelta verifiedWith(IssuerKeys trusted, Instant now) throws FeedException {
        VerifyingKey key = trusted.find(keyId, now).orElseThrow(() -> new FeedException(FeedException.UNTRUSTED,
                "deny list to version " + delta.toVersion() + " is signed by key " + keyId
                        + ", which this gate does not trust"));
        try {
            key.verify(digest.toArray(), signature);
        } catch (SignatureException e) {
            throw new FeedException(FeedException.UNTRUSTED, "deny list to version " + delta.toVersion()
                    + ": signature by key " + keyId + " does not verify", e);
        }
        return delta;
    }
}
