package org.faregate.protocol.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.junit.jupiter.api.Test;

class DenyListCodecTest {

    private static final SecureRandom RANDOM = new SecureRandom(new byte[] {4});
    private static final SigningKey ISSUER = SigningKey.generate(RANDOM);
    private static final KeyId KEY_ID = KeyId.of(7);
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final IssuerKeys TRUSTED = IssuerKeys.of(KEY_ID, ISSUER.verifyingKey());

    private static DenyListDelta delta() {
        return new DenyListDelta(3, 5, false, List.of(
                new DenyChange(CredentialId.random(RANDOM), true, 4, "lost card"),
                new DenyChange(CredentialId.random(RANDOM), false, 5, "topped up")));
    }

    private static byte[] encode(DenyListDelta delta) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DenyListCodec.write(delta, NOW, KEY_ID, ISSUER, out);
        return out.toByteArray();
    }

    private static SignedDenyList decode(byte[] bytes) throws Exception {
        return DenyListCodec.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aSignedDeltaReadsBackWithItsChangesTimeAndKeyAndVerifies() throws Exception {
        DenyListDelta delta = delta();
        byte[] bytes = encode(delta);

        SignedDenyList read = decode(bytes);

        assertThat(bytes).hasSize(DenyListCodec.HEADER_LENGTH + 2 * DenyListCodec.ENTRY_LENGTH + 64);
        assertThat(read.issuedAt()).isEqualTo(NOW);
        assertThat(read.keyId()).isEqualTo(KEY_ID);
        DenyListDelta verified = read.verifiedWith(TRUSTED, NOW);
        assertThat(verified.fromVersion()).isEqualTo(3);
        assertThat(verified.toVersion()).isEqualTo(5);
        assertThat(verified.snapshot()).isFalse();
        assertThat(verified.changes()).extracting(DenyChange::credentialId, DenyChange::denied, DenyChange::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(delta.changes().get(0).credentialId(), true, 4L),
                        org.assertj.core.groups.Tuple.tuple(delta.changes().get(1).credentialId(), false, 5L));
    }

    @Test
    void anEmptySnapshotRoundTrips() throws Exception {
        SignedDenyList read = decode(encode(new DenyListDelta(0, 0, true, List.of())));

        assertThat(read.verifiedWith(TRUSTED, NOW).snapshot()).isTrue();
        assertThat(read.delta().changes()).isEmpty();
    }

    @Test
    void everyFlippedByteIsCaughtAsMalformedOrUntrusted() throws Exception {
        byte[] bytes = encode(delta());
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            int at = i;
            assertThatThrownBy(() -> decode(tampered).verifiedWith(TRUSTED, NOW)).as("byte %d flipped", at)
                    .isInstanceOfAny(FeedException.class, IllegalArgumentException.class);
        }
    }

    @Test
    void aTruncatedFeedSaysWhereItEnds() throws Exception {
        byte[] bytes = encode(delta());

        assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, 20))).isInstanceOf(FeedException.class)
                .hasMessageContaining("feed_malformed").hasMessageContaining("header");
        assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, DenyListCodec.HEADER_LENGTH + 30)))
                .hasMessageContaining("entry 1 of 2");
        assertThatThrownBy(() -> decode(Arrays.copyOf(bytes, bytes.length - 1))).hasMessageContaining("signature");
    }

    @Test
    void bytesAfterTheSignatureAndAWrongMagicAreRefused() throws Exception {
        byte[] bytes = encode(delta());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> decode(longer)).hasMessageContaining("bytes after the signature");

        byte[] json = "{\"fromVersion\":0}".getBytes();
        assertThatThrownBy(() -> decode(json)).isInstanceOf(FeedException.class)
                .hasMessageContaining("not a deny-list feed");
    }

    @Test
    void aFeedSignedByAnotherKeyOrARetiredKeyIsNotTrusted() throws Exception {
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        DenyListCodec.write(delta(), NOW, KEY_ID, SigningKey.generate(RANDOM), forged);
        assertThatThrownBy(() -> decode(forged.toByteArray()).verifiedWith(TRUSTED, NOW))
                .isInstanceOf(FeedException.class).hasMessageContaining("feed_untrusted")
                .hasMessageContaining("does not verify");

        byte[] genuine = encode(delta());
        assertThatThrownBy(() -> decode(genuine).verifiedWith(IssuerKeys.of(KeyId.of(8), ISSUER.verifyingKey()), NOW))
                .hasMessageContaining("does not trust");
        IssuerKeys retired = new IssuerKeys(Map.of(KEY_ID, ISSUER.verifyingKey()), Map.of(KEY_ID, NOW));
        assertThatThrownBy(() -> decode(genuine).verifiedWith(retired, NOW)).hasMessageContaining("does not trust");
        assertThat(decode(genuine).verifiedWith(retired, NOW.minusMillis(1))).isNotNull();
    }

    @Test
    void aSnapshotIsWrittenInAscendingIdOrderAndOneOutOfOrderIsRefused() throws Exception {
        List<DenyChange> denied = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            denied.add(new DenyChange(CredentialId.random(RANDOM), true, 1 + i, "x"));
        }
        byte[] bytes = encode(new DenyListDelta(0, 50, true, denied));

        List<DenyChange> read = decode(bytes).verifiedWith(TRUSTED, NOW).changes();
        for (int i = 1; i < read.size(); i++) {
            java.util.UUID a = read.get(i - 1).credentialId().value();
            java.util.UUID b = read.get(i).credentialId().value();
            assertThat(DenyListCodec.compareUnsigned(a.getMostSignificantBits(), a.getLeastSignificantBits(),
                    b.getMostSignificantBits(), b.getLeastSignificantBits())).isNegative();
        }

        byte[] swapped = bytes.clone();
        int first = DenyListCodec.HEADER_LENGTH;
        int second = first + DenyListCodec.ENTRY_LENGTH;
        System.arraycopy(bytes, first, swapped, second, DenyListCodec.ENTRY_LENGTH);
        System.arraycopy(bytes, second, swapped, first, DenyListCodec.ENTRY_LENGTH);
        assertThatThrownBy(() -> decode(swapped)).isInstanceOf(FeedException.class)
                .hasMessageContaining("snapshot entry 1: ids must ascend");
    }
}
