package org.faregate.protocol.feed;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SignatureException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.wire.IssuerKeyList;

/**
 * Signing and checking the issuer key list. The signed bytes are, big-endian:
 * {@code "FGKL" | format 1 (1) | issued at, epoch ms (8) | count (4)} then per key
 * {@code key id (4) | public key, SEC1 compressed (33) | has retirement (1) | retirement, epoch ms (8)}.
 * Each signature is ECDSA P-256 with SHA-256 over those bytes. A gate takes a new list from the network only
 * when a key it trusts now signed it and it is not older than the list it has: continuity of trust across
 * rotations, with no new root key to guard.
 */
public final class KeyListSignatures {

    private static final byte[] MAGIC = {'F', 'G', 'K', 'L'};
    private static final int FORMAT = 1;

    private KeyListSignatures() {
    }

    /** The list stamped with {@code issuedAt} and signed by each of {@code signers}. */
    public static IssuerKeyList sign(IssuerKeyList list, Instant issuedAt, Map<KeyId, SigningKey> signers) {
        IssuerKeyList stamped = new IssuerKeyList(list.keys(), issuedAt, List.of());
        byte[] message = signedBytes(stamped);
        List<IssuerKeyList.Signature> signatures = new ArrayList<>();
        signers.entrySet().stream().sorted(Map.Entry.comparingByKey(
                        (a, b) -> Long.compare(a.value(), b.value())))
                .forEach(signer -> signatures.add(new IssuerKeyList.Signature(signer.getKey(),
                        signer.getValue().sign(message).toHex())));
        return new IssuerKeyList(list.keys(), issuedAt, signatures);
    }

    /**
     * Checks that a key in {@code trusted} (not retired at {@code now}) signed {@code list}, and that the list
     * is not older than {@code notBefore} (the issue time of the list the gate already uses, if any).
     */
    public static void verify(IssuerKeyList list, IssuerKeys trusted, Instant now, Optional<Instant> notBefore)
            throws FeedException {
        if (!list.signed()) {
            throw new FeedException(FeedException.UNTRUSTED, "the issuer key list is not signed");
        }
        if (notBefore.isPresent() && list.issuedAt().isBefore(notBefore.get())) {
            throw new FeedException(FeedException.UNTRUSTED, "the issuer key list of " + list.issuedAt()
                    + " is older than the one this gate has (" + notBefore.get() + ")");
        }
        byte[] message;
        try {
            message = signedBytes(list);
        } catch (IllegalArgumentException e) {
            throw new FeedException(FeedException.MALFORMED, "issuer key list: " + e.getMessage(), e);
        }
        List<String> tried = new ArrayList<>();
        for (IssuerKeyList.Signature signature : list.signatures()) {
            Optional<VerifyingKey> key = trusted.find(signature.keyId(), now);
            if (key.isEmpty()) {
                continue;
            }
            try {
                key.get().verify(message, Bytes.parseHex(signature.signature()));
                return;
            } catch (SignatureException | IllegalArgumentException e) {
                tried.add(signature.keyId() + " (" + e.getMessage() + ")");
            }
        }
        throw new FeedException(FeedException.UNTRUSTED, "the issuer key list is not signed by a key this gate trusts"
                + (tried.isEmpty() ? "" : "; signatures that failed: " + String.join(", ", tried)));
    }

    static byte[] signedBytes(IssuerKeyList list) {
        if (list.issuedAt() == null) {
            throw new IllegalArgumentException("a signed key list needs an issue time");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.write(MAGIC);
            data.writeByte(FORMAT);
            data.writeLong(list.issuedAt().toEpochMilli());
            data.writeInt(list.keys().size());
            for (int i = 0; i < list.keys().size(); i++) {
                IssuerKeyList.Entry entry = list.keys().get(i);
                byte[] point = Bytes.parseHex(entry.publicKey()).toArray();
                if (point.length != VerifyingKey.COMPRESSED_LENGTH) {
                    throw new IllegalArgumentException("keys[" + i + "]: a compressed P-256 point has "
                            + VerifyingKey.COMPRESSED_LENGTH + " bytes, not " + point.length);
                }
                data.writeInt((int) entry.keyId().value());
                data.write(point);
                data.writeByte(entry.notAfter() == null ? 0 : 1);
                data.writeLong(entry.notAfter() == null ? 0 : entry.notAfter().toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
