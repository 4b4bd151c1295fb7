package org.faregate.protocol.token;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.VerifyingKey;

/**
 * The issuer public keys a gate trusts, by key id; several at once while keys rotate. A key with a
 * retirement time ({@code notAfter}) is trusted until then and refused from then on, even by a gate that
 * has been offline since it learnt the date.
 */
public record IssuerKeys(Map<KeyId, VerifyingKey> keys, Map<KeyId, Instant> notAfter) {

    public IssuerKeys {
        keys = Map.copyOf(keys);
        notAfter = Map.copyOf(notAfter);
        if (!keys.keySet().containsAll(notAfter.keySet())) {
            throw new IllegalArgumentException("retirement dates for keys that are not in the list: " + notAfter.keySet());
        }
    }

    /** Keys with no retirement date. */
    public IssuerKeys(Map<KeyId, VerifyingKey> keys) {
        this(keys, Map.of());
    }

    public static IssuerKeys of(KeyId id, VerifyingKey key) {
        return new IssuerKeys(Map.of(id, key));
    }

    /** The key with this id if it is in the list, retired or not. */
    public Optional<VerifyingKey> find(KeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** The key with this id if it is in the list and not retired at {@code now}. */
    public Optional<VerifyingKey> find(KeyId id, Instant now) {
        return isRetired(id, now) ? Optional.empty() : find(id);
    }

    /** True when the key has a retirement date at or before {@code now}. */
    public boolean isRetired(KeyId id, Instant now) {
        Instant retiredAt = notAfter.get(id);
        return retiredAt != null && !now.isBefore(retiredAt);
    }
}
