package org.faregate.protocol.token;

import java.nio.ByteBuffer;
import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.Reason;
import org.faregate.protocol.crypto.VerifyingKey;

/**
 * Checks a presentation offline: known issuer key, issuer signature, device signature, credential
 * validity, presentation freshness (QR) and the offline counter limit. Returns a
 * {@link VerifiedPresentation} or throws {@link TokenRejectedException} with a stable reason.
 * Deny list, replay and pass-back are the gate's checks, made after this one.
 */
public final class PresentationVerifier {

    private final IssuerKeys keys;
    private final Duration qrValidity;
    private final Duration clockSkew;

    public PresentationVerifier(IssuerKeys keys, Duration qrValidity, Duration clockSkew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.qrValidity = requireNotNegative(qrValidity, "qrValidity");
        this.clockSkew = requireNotNegative(clockSkew, "clockSkew");
    }

    /** Parses and verifies the binary payload of a QR code. */
    public VerifiedPresentation verifyQr(byte[] payload, Instant now) throws TokenRejectedException {
        QrPresentation presentation;
        try {
            presentation = QrPresentation.parse(payload);
        } catch (MalformedTokenException e) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN, e.getMessage());
        }
        return verify(presentation, now);
    }

    public VerifiedPresentation verify(Presentation presentation, Instant now) throws TokenRejectedException {
        Credential credential = presentation.credential();
        checkIssuerSignature(credential, now);
        checkDeviceSignature(presentation);
        checkCredentialWindow(credential, now);
        Instant presentedAt;
        VerifiedPresentation.Kind kind;
        if (presentation instanceof QrPresentation qr) {
            presentedAt = checkFreshness(qr.timestamp(), now);
            kind = VerifiedPresentation.Kind.QR;
        } else {
            presentedAt = ((NfcPresentation) presentation).challenge().time();
            kind = VerifiedPresentation.Kind.NFC;
        }
        if (credential.maxPresentations() > 0 && presentation.counter() > credential.maxPresentations()) {
            throw new TokenRejectedException(Reason.OVER_LIMIT, "presentation " + presentation.counter()
                    + " is over the offline limit of " + credential.maxPresentations());
        }
        return new VerifiedPresentation(credential, kind, presentation.counter(), presentedAt,
                replayKey(credential, presentation.counter(), presentedAt));
    }

    private void checkIssuerSignature(Credential credential, Instant now) throws TokenRejectedException {
        if (keys.isRetired(credential.issuerKeyId(), now)) {
            throw new TokenRejectedException(Reason.UNKNOWN_KEY, "issuer key " + credential.issuerKeyId()
                    + " was retired at " + keys.notAfter().get(credential.issuerKeyId()));
        }
        VerifyingKey issuerKey = keys.find(credential.issuerKeyId()).orElseThrow(() -> new TokenRejectedException(
                Reason.UNKNOWN_KEY, "issuer key " + credential.issuerKeyId() + " is not known to this gate"));
        try {
            issuerKey.verify(credential.signedMessage(), credential.issuerSignature());
        } catch (SignatureException e) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE, "issuer signature: " + e.getMessage());
        }
    }

    private static void checkDeviceSignature(Presentation presentation) throws TokenRejectedException {
        VerifyingKey deviceKey;
        try {
            deviceKey = presentation.credential().deviceKey();
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN, "device key: " + e.getMessage());
        }
        try {
            deviceKey.verify(presentation.signedMessage(), presentation.deviceSignature());
        } catch (SignatureException e) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE, "device signature: " + e.getMessage());
        }
    }

    private void checkCredentialWindow(Credential credential, Instant now) throws TokenRejectedException {
        if (now.isBefore(credential.validFrom().minus(clockSkew))) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID,
                    "credential is valid from " + credential.validFrom() + ", gate time is " + now);
        }
        if (now.isAfter(credential.validUntil().plus(clockSkew))) {
            throw new TokenRejectedException(Reason.EXPIRED_CREDENTIAL,
                    "credential expired at " + credential.validUntil() + ", gate time is " + now);
        }
    }

    private Instant checkFreshness(Instant timestamp, Instant now) throws TokenRejectedException {
        if (timestamp.isAfter(now.plus(clockSkew))) {
            throw new TokenRejectedException(Reason.FUTURE_TOKEN,
                    "code is stamped " + timestamp + ", ahead of gate time " + now + " by more than " + clockSkew);
        }
        if (now.isAfter(timestamp.plus(qrValidity).plus(clockSkew))) {
            throw new TokenRejectedException(Reason.EXPIRED_TOKEN,
                    "code stamped " + timestamp + " is older than " + qrValidity + " at gate time " + now);
        }
        return timestamp;
    }

    private static Bytes replayKey(Credential credential, long counter, Instant presentedAt) {
        ByteBuffer key = ByteBuffer.allocate(16 + 4 + 8);
        credential.id().writeTo(key);
        key.putInt((int) counter).putLong(presentedAt.getEpochSecond());
        return Bytes.of(key.array());
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return duration;
    }
}
