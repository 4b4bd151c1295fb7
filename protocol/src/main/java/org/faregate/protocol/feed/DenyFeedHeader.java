package org.faregate.protocol.feed;

import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.KeyId;

/**
 * What a deny-list feed message says about itself before its entries (see {@link DenyListCodec}).
 *
 * @param snapshot    true: the entries are every denied credential, in ascending id order, and replace the list
 * @param fromVersion the delta covers versions after this one
 * @param toVersion   up to and including this one
 * @param issuedAt    the gateway's clock when it signed
 * @param keyId       the issuer key that signed
 * @param count       how many entries follow
 */
public record DenyFeedHeader(boolean snapshot, long fromVersion, long toVersion, Instant issuedAt, KeyId keyId,
                             int count) {

    public DenyFeedHeader {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(keyId, "keyId");
    }
}
