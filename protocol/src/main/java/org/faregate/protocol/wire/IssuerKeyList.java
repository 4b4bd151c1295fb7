package org.faregate.protocol.wire;

import java.util.List;
import java.util.Objects;
import org.faregate.protocol.KeyId;

/** The issuer public keys gates should trust, each as hex of its SEC1 compressed point. */
public record IssuerKeyList(List<Entry> keys) {

    public IssuerKeyList {
        keys = List.copyOf(keys);
    }

    public record Entry(KeyId keyId, String publicKey) {
        public Entry {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(publicKey, "publicKey");
        }
    }
}
