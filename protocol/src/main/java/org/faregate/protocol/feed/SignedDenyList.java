package org.faregate.protocol.feed;

import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.DenyListDelta;

/** A whole deny-list feed message read into a {@link DenyListDelta}, with its signature (for small feeds and tools). */
public record SignedDenyList(DenyListDelta delta, FeedSignature signature) {

    public SignedDenyList {
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(signature, "signature");
    }

    public Instant issuedAt() {
        return signature.header().issuedAt();
    }

    public KeyId keyId() {
        return signature.header().keyId();
    }

    /** Checks the signature with the issuer keys the gate trusts at {@code now}; returns the delta to apply. */
    public DenyListDelta verifiedWith(IssuerKeys trusted, Instant now) throws FeedException {
        signature.verify(trusted, now);
        return delta;
    }
}
