package org.faregate.protocol.feed;

import java.security.SignatureException;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.token.IssuerKeys;

/** A feed message's header with the digest of what was read and the signature the gateway put on it. */
public record FeedSignature(DenyFeedHeader header, Bytes digest, Bytes signature) {

    public FeedSignature {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signature, "signature");
    }

    /** Throws unless a key the gate trusts at {@code now} (not retired) made the signature. */
    public void verify(IssuerKeys trusted, Instant now) throws FeedException {
        String what = "deny list to version " + header.toVersion();
        VerifyingKey key = trusted.find(header.keyId(), now).orElseThrow(() -> new FeedException(
                FeedException.UNTRUSTED, what + " is signed by key " + header.keyId()
                        + ", which this gate does not trust"));
        try {
            key.verify(digest.toArray(), signature);
        } catch (SignatureException e) {
            throw new FeedException(FeedException.UNTRUSTED, what + ": signature by key " + header.keyId()
                    + " does not verify", e);
        }
    }
}
