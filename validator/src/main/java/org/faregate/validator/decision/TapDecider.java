package org.faregate.validator.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.token.Presentation;
import org.faregate.protocol.token.PresentationVerifier;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.protocol.token.TokenRejectedException;
import org.faregate.protocol.token.VerifiedPresentation;

/**
 * The gate's decision, with no I/O: verify the presentation (issuer key, signatures, validity windows,
 * offline limit), then the deny list ({@code denied_token}), then the replay guard ({@code replayed}),
 * then anti-pass-back on entry gates ({@code passback}); otherwise {@code accepted}.
 * Time is an argument. Thread-safe: several readers may decide at once.
 */
public final class TapDecider {

    static final int REPLAY_CAPACITY = 100_000;
    static final int PASSBACK_CAPACITY = 100_000;

    /** Refusals raised after the issuer's signature checked out: the credential is authentic and can be named. */
    private static final Set<Reason> AUTHENTIC_CREDENTIAL = EnumSet.of(Reason.NOT_YET_VALID,
            Reason.EXPIRED_CREDENTIAL, Reason.EXPIRED_TOKEN, Reason.FUTURE_TOKEN, Reason.OVER_LIMIT);

    private final Duration qrValidity;
    private final Duration clockSkew;
    private final Direction direction;
    private final DenyList denyList;
    private final ReplayGuard replayGuard;
    private final PassbackMemory passback;
    private volatile PresentationVerifier verifier;

    public TapDecider(Direction direction, Duration qrValidity, Duration clockSkew, Duration passbackWindow,
                      DenyList denyList, IssuerKeys keys) {
        this.direction = Objects.requireNonNull(direction, "direction");
        this.qrValidity = Objects.requireNonNull(qrValidity, "qrValidity");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.denyList = Objects.requireNonNull(denyList, "denyList");
        this.replayGuard = new ReplayGuard(REPLAY_CAPACITY);
        this.passback = new PassbackMemory(passbackWindow, PASSBACK_CAPACITY);
        this.verifier = new PresentationVerifier(keys, qrValidity, clockSkew);
    }

    /** Trusts a new set of issuer keys from the next decision on (keys rotate with a sync). */
    public void useKeys(IssuerKeys keys) {
        verifier = new PresentationVerifier(keys, qrValidity, clockSkew);
    }

    /** Decides on the binary payload of a QR code. */
    public TapDecision decideQr(TapId tapId, byte[] payload, Instant now) {
        QrPresentation presentation;
        try {
            presentation = QrPresentation.parse(payload);
        } catch (MalformedTokenException e) {
            return TapDecision.anonymousRefusal(tapId, now, Reason.MALFORMED_TOKEN, e.getMessage());
        }
        return decide(tapId, presentation, now);
    }

    /** Decides on a parsed presentation (a QR payload, or what an NFC card answered to this gate's challenge). */
    public TapDecision decide(TapId tapId, Presentation presentation, Instant now) {
        VerifiedPresentation verified;
        try {
            verified = verifier.verify(presentation, now);
        } catch (TokenRejectedException e) {
            return refusal(tapId, now, e.reason(), presentation.credential(), e.getMessage());
        }
        return decideVerified(tapId, verified, now);
    }

    private TapDecision decideVerified(TapId tapId, VerifiedPresentation verified, Instant now) {
        Credential credential = verified.credential();
        if (denyList.isDenied(credential.id())) {
            return named(tapId, now, Reason.DENIED_TOKEN, credential, "credential is on the deny list (version "
                    + denyList.version() + ")");
        }
        Instant acceptableUntil = verified.presentedAt().plus(qrValidity).plus(clockSkew);
        synchronized (this) {
            if (!replayGuard.firstSighting(verified.replayKey(), acceptableUntil, now)) {
                return named(tapId, now, Reason.REPLAYED, credential, "presentation " + verified.counter()
                        + " stamped " + verified.presentedAt() + " was already used at this gate");
            }
            if (direction == Direction.ENTRY) {
                if (passback.isPassback(credential.id(), now)) {
                    return named(tapId, now, Reason.PASSBACK, credential, "credential entered here less than "
                            + "the pass-back window ago");
                }
                passback.recordEntry(credential.id(), now);
            }
        }
        return named(tapId, now, Reason.ACCEPTED, credential, verified.kind().name().toLowerCase(Locale.ROOT)
                + " presentation " + verified.counter() + " of credential " + credential.id().masked());
    }

    private static TapDecision refusal(TapId tapId, Instant now, Reason reason, Credential credential, String detail) {
        if (AUTHENTIC_CREDENTIAL.contains(reason)) {
            return named(tapId, now, reason, credential, detail);
        }
        return TapDecision.anonymousRefusal(tapId, now, reason, detail);
    }

    private static TapDecision named(TapId tapId, Instant now, Reason reason, Credential credential, String detail) {
        return new TapDecision(tapId, now, reason, credential.id(), credential.account(),
                RiderDisplay.textFor(reason), detail);
    }
}
