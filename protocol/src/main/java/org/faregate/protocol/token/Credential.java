package org.faregate.protocol.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.crypto.EcdsaSignature;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;

/**
 * The issuer-signed level of a token: it binds a device public key to an account, a rider category,
 * a validity window and an offline limit. Layout (146 bytes) in docs/token-format.md.
 *
 * @param maxPresentations the highest presentation counter a gate accepts; 0 means no limit
 */
public record Credential(KeyId issuerKeyId, CredentialId id, AccountId account, RiderCategory category,
                         MediaType media, Instant validFrom, Instant validUntil, int maxPresentations,
                         Bytes devicePublicKey, Bytes issuerSignature) {

    public static final int FORMAT = 0x01;
    public static final int BODY_LENGTH = 82;
    public static final int LENGTH = BODY_LENGTH + EcdsaSignature.RAW_LENGTH;
    static final byte[] SIGNING_TAG = "faregate-credential-v1".getBytes(StandardCharsets.US_ASCII);

    public Credential {
        Objects.requireNonNull(issuerKeyId, "issuerKeyId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(media, "media");
        requireWholeSeconds(validFrom, "validFrom");
        requireWholeSeconds(validUntil, "validUntil");
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is before validFrom " + validFrom);
        }
        if (maxPresentations < 0 || maxPresentations > 0xFFFF) {
            throw new IllegalArgumentException("maxPresentations must fit in 16 unsigned bits: " + maxPresentations);
        }
        if (devicePublicKey.length() != VerifyingKey.COMPRESSED_LENGTH) {
            throw new IllegalArgumentException("device public key must be 33 bytes (SEC1 compressed)");
        }
        if (issuerSignature.length() != EcdsaSignature.RAW_LENGTH) {
            throw new IllegalArgumentException("issuer signature must be 64 bytes (r||s)");
        }
    }

    /** Signs the claims with the issuer's key; the result is what the gateway hands to a phone or card. */
    public static Credential issue(KeyId issuerKeyId, SigningKey issuerKey, CredentialId id, AccountId account,
                                   RiderCategory category, MediaType media, Instant validFrom, Instant validUntil,
                                   int maxPresentations, VerifyingKey deviceKey) {
        Bytes unsigned = Bytes.of(new byte[EcdsaSignature.RAW_LENGTH]);
        Credential draft = new Credential(issuerKeyId, id, account, category, media, validFrom, validUntil,
                maxPresentations, deviceKey.compressed(), unsigned);
        return new Credential(issuerKeyId, id, account, category, media, validFrom, validUntil,
                maxPresentations, deviceKey.compressed(), issuerKey.sign(draft.signedMessage()));
    }

    public static Credential parse(byte[] bytes) throws MalformedTokenException {
        TokenReader reader = new TokenReader(bytes);
        Credential credential = read(reader);
        reader.expectEnd("credential");
        return credential;
    }

    static Credential read(TokenReader in) throws MalformedTokenException {
        int start = in.offset();
        int format = in.u8("credential format");
        if (format != FORMAT) {
            throw new MalformedTokenException(start, "unknown credential format 0x" + Integer.toHexString(format));
        }
        KeyId keyId = KeyId.of(in.u32("issuer key id"));
        CredentialId id = CredentialId.fromBytes(in.bytes(16, "credential id").toArray(), 0);
        int accountAt = in.offset();
        long accountValue = in.i64("account id");
        if (accountValue <= 0) {
            throw new MalformedTokenException(accountAt, "account id must be positive");
        }
        int categoryAt = in.offset();
        int categoryCode = in.u8("rider category");
        RiderCategory category = RiderCategory.findByCode(categoryCode).orElseThrow(
                () -> new MalformedTokenException(categoryAt, "unknown rider category " + categoryCode));
        int mediaAt = in.offset();
        int mediaCode = in.u8("media type");
        MediaType media = MediaType.findByCode(mediaCode).orElseThrow(
                () -> new MalformedTokenException(mediaAt, "unknown media type " + mediaCode));
        int windowAt = in.offset();
        Instant validFrom = Instant.ofEpochSecond(in.i64("valid from"));
        Instant validUntil = Instant.ofEpochSecond(in.i64("valid until"));
        if (validUntil.isBefore(validFrom)) {
            throw new MalformedTokenException(windowAt, "validity window ends before it starts");
        }
        int maxPresentations = in.u16("max presentations");
        int keyAt = in.offset();
        Bytes deviceKey = in.bytes(VerifyingKey.COMPRESSED_LENGTH, "device public key");
        int prefix = deviceKey.get(0);
        if (prefix != 0x02 && prefix != 0x03) {
            throw new MalformedTokenException(keyAt, "device public key is not a compressed point");
        }
        Bytes signature = in.bytes(EcdsaSignature.RAW_LENGTH, "issuer signature");
        return new Credential(keyId, id, AccountId.of(accountValue), category, media, validFrom, validUntil,
                maxPresentations, deviceKey, signature);
    }

    /** The 146 bytes as carried in a QR code or returned by a card. */
    public Bytes encoded() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        writeBody(out);
        out.put(issuerSignature.toArray());
        return Bytes.of(out.array());
    }

    /** What the issuer signs: a domain tag followed by the 82-byte body. */
    byte[] signedMessage() {
        ByteBuffer out = ByteBuffer.allocate(SIGNING_TAG.length + BODY_LENGTH);
        out.put(SIGNING_TAG);
        writeBody(out);
        return out.array();
    }

    private void writeBody(ByteBuffer out) {
        out.put((byte) FORMAT);
        out.putInt((int) issuerKeyId.value());
        id.writeTo(out);
        out.putLong(account.value());
        out.put((byte) category.code());
        out.put((byte) media.code());
        out.putLong(validFrom.getEpochSecond());
        out.putLong(validUntil.getEpochSecond());
        out.putShort((short) maxPresentations);
        out.put(devicePublicKey.toArray());
    }

    public VerifyingKey deviceKey() {
        return VerifyingKey.parse(devicePublicKey.toArray());
    }

    private static void requireWholeSeconds(Instant instant, String name) {
        Objects.requireNonNull(instant, name);
        if (instant.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be whole seconds: " + instant);
        }
    }
}
