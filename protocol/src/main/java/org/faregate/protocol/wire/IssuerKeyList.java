package org.faregate.protocol.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.faregate.protocol.KeyId;

/**
 * The issuer public keys gates should trust, each as hex of its SEC1 compressed point, with the time a key
 * retires if one is set. The gateway signs the list ({@code issuedAt} and {@code signatures}, see
 * {@code org.faregate.protocol.feed.KeyListSignatures}) with every key in it, so a gate that trusts any one of
 * them can take the next list; a list an operator provisions by hand needs no signature.
 */
public record IssuerKeyList(List<Entry> keys, Instant issuedAt, List<Signature> signatures) {

    public IssuerKeyList {
        keys = List.copyOf(keys);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /** An unsigned list of keys that never retire (provisioning, tests). */
    public IssuerKeyList(List<Entry> keys) {
        this(keys, null, List.of());
    }

    public boolean signed() {
        return issuedAt != null && !signatures.isEmpty();
    }

    public record Entry(KeyId keyId, String publicKey, Instant notAfter) {
        public Entry {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(publicKey, "publicKey");
        }

        /** A key with no retirement date. */
        public Entry(KeyId keyId, String publicKey) {
            this(keyId, publicKey, null);
        }
    }

    /** One issuer key's signature (hex of raw r||s) over the list. */
    public record Signature(KeyId keyId, String signature) {
        public Signature {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(signature, "signature");
        }
    }
}
