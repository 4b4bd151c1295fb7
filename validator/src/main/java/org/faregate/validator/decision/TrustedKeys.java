package org.faregate.validator.decision;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.IssuerKeyList;

/** Turns the gateway's published key list into the keys a verifier trusts, with their retirement dates. */
public final class TrustedKeys {

    private TrustedKeys() {
    }

    /** Throws {@link IllegalArgumentException} naming the entry whose key is not a P-256 point in hex. */
    public static IssuerKeys from(IssuerKeyList list) {
        Map<KeyId, VerifyingKey> keys = new HashMap<>();
        Map<KeyId, Instant> notAfter = new HashMap<>();
        for (int i = 0; i < list.keys().size(); i++) {
            IssuerKeyList.Entry entry = list.keys().get(i);
            try {
                keys.put(entry.keyId(), VerifyingKey.parse(HexFormat.of().parseHex(entry.publicKey())));
                if (entry.notAfter() != null) {
                    notAfter.put(entry.keyId(), entry.notAfter());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("keys[" + i + "] (key id " + entry.keyId() + "): "
                        + e.getMessage(), e);
            }
        }
        return new IssuerKeys(keys, notAfter);
    }
}
