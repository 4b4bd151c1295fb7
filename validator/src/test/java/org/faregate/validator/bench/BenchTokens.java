package org.faregate.validator.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.protocol.wire.IssuerKeyList;

/** An issuer, one rider's phone and its credential (no offline limit), valid around {@link #T0}. */
final class BenchTokens {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final KeyId KEY_ID = KeyId.of(7);

    final SecureRandom random = new SecureRandom();
    final SigningKey issuerKey = SigningKey.generate(random);
    final SigningKey deviceKey = SigningKey.generate(random);
    final Credential credential = Credential.issue(KEY_ID, issuerKey, CredentialId.random(random), AccountId.of(4242),
            RiderCategory.ADULT, MediaType.PHONE, T0.minusSeconds(86_400), T0.plusSeconds(30L * 86_400), 0,
            deviceKey.verifyingKey());

    IssuerKeys issuerKeys() {
        return IssuerKeys.of(KEY_ID, issuerKey.verifyingKey());
    }

    IssuerKeyList keyList() {
        return new IssuerKeyList(List.of(
                new IssuerKeyList.Entry(KEY_ID, issuerKey.verifyingKey().compressed().toHex())));
    }

    /** The phone's code number {@code counter}, stamped {@code stamped}: binary QR payload (223 bytes). */
    byte[] qr(Instant stamped, long counter) {
        return QrPresentation.create(credential, deviceKey, stamped, counter).encoded().toArray();
    }

    /** {@code count} distinct codes stamped at {@link #T0}, counters {@code 1..count}, signed on all cores. */
    byte[][] qrPool(int count) {
        byte[][] pool = new byte[count][];
        IntStream.range(0, count).parallel().forEach(i -> pool[i] = qr(T0, i + 1L));
        return pool;
    }
}
