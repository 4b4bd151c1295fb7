package org.faregate.protocol.token;

import java.util.Map;
import java.util.Optional;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.VerifyingKey;

/** The issuer public keys a gate trusts, by key id; several at once while keys rotate. */
public record IssuerKeys(Map<KeyId, VerifyingKey> keys) {

    public IssuerKeys {
        keys = Map.copyOf(keys);
    }

    public static IssuerKeys of(KeyId id, VerifyingKey key) {
        return new IssuerKeys(Map.of(id, key));
    }

    public Optional<VerifyingKey> find(KeyId id) {
        return Optional.ofNullable(keys.get(id));
    }
}
