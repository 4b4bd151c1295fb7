package org.faregate.protocol.feed;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.IssuerKeyList;
import org.junit.jupiter.api.Test;

class KeyListSignaturesTest {

    private static final SecureRandom RANDOM = new SecureRandom(new byte[] {5});
    private static final SigningKey OLD = SigningKey.generate(RANDOM);
    private static final SigningKey NEW = SigningKey.generate(RANDOM);
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final IssuerKeys TRUSTS_OLD = IssuerKeys.of(KeyId.of(1), OLD.verifyingKey());

    private static IssuerKeyList rotation() {
        return new IssuerKeyList(List.of(
                new IssuerKeyList.Entry(KeyId.of(1), OLD.verifyingKey().compressed().toHex(), NOW.plusSeconds(86_400)),
                new IssuerKeyList.Entry(KeyId.of(2), NEW.verifyingKey().compressed().toHex())));
    }

    @Test
    void aGateTrustingTheOldKeyTakesTheListThatIntroducesTheNewOne() {
        IssuerKeyList signed = KeyListSignatures.sign(rotation(), NOW,
                Map.of(KeyId.of(1), OLD, KeyId.of(2), NEW));

        assertThatCode(() -> KeyListSignatures.verify(signed, TRUSTS_OLD, NOW, Optional.of(NOW.minusSeconds(5))))
                .doesNotThrowAnyException();
    }

    @Test
    void aListSignedOnlyByKeysTheGateDoesNotTrustIsRefused() {
        IssuerKeyList signedByNewOnly = KeyListSignatures.sign(rotation(), NOW, Map.of(KeyId.of(2), NEW));

        assertThatThrownBy(() -> KeyListSignatures.verify(signedByNewOnly, TRUSTS_OLD, NOW, Optional.empty()))
                .isInstanceOf(FeedException.class).hasMessageContaining("feed_untrusted")
                .hasMessageContaining("not signed by a key this gate trusts");
    }

    @Test
    void aChangedEntryAnUnsignedListAndAnOlderListAreRefused() {
        IssuerKeyList signed = KeyListSignatures.sign(rotation(), NOW, Map.of(KeyId.of(1), OLD));
        IssuerKeyList.Entry changed = new IssuerKeyList.Entry(KeyId.of(1), OLD.verifyingKey().compressed().toHex());
        IssuerKeyList tampered = new IssuerKeyList(List.of(changed, signed.keys().get(1)), NOW, signed.signatures());

        assertThatThrownBy(() -> KeyListSignatures.verify(tampered, TRUSTS_OLD, NOW, Optional.empty()))
                .hasMessageContaining("signatures that failed: 1");
        assertThatThrownBy(() -> KeyListSignatures.verify(rotation(), TRUSTS_OLD, NOW, Optional.empty()))
                .hasMessageContaining("not signed");
        assertThatThrownBy(() -> KeyListSignatures.verify(signed, TRUSTS_OLD, NOW, Optional.of(NOW.plusMillis(1))))
                .hasMessageContaining("older than the one this gate has");
    }

    @Test
    void aRetiredSignerNoLongerVouchesForAList() {
        IssuerKeyList signed = KeyListSignatures.sign(rotation(), NOW, Map.of(KeyId.of(1), OLD));
        IssuerKeys retired = new IssuerKeys(Map.of(KeyId.of(1), OLD.verifyingKey()), Map.of(KeyId.of(1), NOW));

        assertThatThrownBy(() -> KeyListSignatures.verify(signed, retired, NOW, Optional.empty()))
                .isInstanceOf(FeedException.class);
    }
}
