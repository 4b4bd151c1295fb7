package org.faregate.simulator.city;

import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.simulator.pcsc.VirtualCard;
import org.faregate.validator.qr.ZxingQrCodec;

/**
 * A simulated rider's device — the holder side of the protocol. A phone draws a fresh signed QR code
 * each time it is shown; a card or an NFC phone answers the gate's APDUs through its applet.
 */
public final class Rider {

    private static final int PIXELS_PER_MODULE = 3;

    private final RiderPlan plan;
    private final AccountId account;
    private final SigningKey deviceKey;
    private final Credential credential;
    private final VirtualCard card;
    private long qrCounter;
    private Bytes lastCode;

    private Rider(RiderPlan plan, AccountId account, SigningKey deviceKey, Credential credential) {
        this.plan = plan;
        this.account = account;
        this.deviceKey = deviceKey;
        this.credential = credential;
        this.card = VirtualCard.of(new HolderApplet(credential, deviceKey, 0));
    }

    /** A device key made on the device; only its public half ever leaves it. */
    public static SigningKey newDeviceKey(SecureRandom random) {
        return SigningKey.generate(random);
    }

    public static Rider of(RiderPlan plan, AccountId account, SigningKey deviceKey, Credential credential) {
        Objects.requireNonNull(plan, "plan");
        return new Rider(plan, account, deviceKey, credential);
    }

    public RiderPlan plan() {
        return plan;
    }

    public AccountId account() {
        return account;
    }

    public Credential credential() {
        return credential;
    }

    /** The NFC face of this device (card, or phone in host card emulation). */
    public VirtualCard card() {
        return card;
    }

    /** Draws a fresh code on the phone's screen, as a camera would see it. */
    public synchronized BufferedImage showQr(Instant now) {
        return ZxingQrCodec.render(qrCode(now), PIXELS_PER_MODULE);
    }

    /**
     * Draws a fresh code and returns its bytes, as a scanner that decodes the screen hands them to the gate:
     * for load and fault tests, where rendering and decoding an image per tap would only cost time.
     */
    public synchronized Bytes qrCode(Instant now) {
        lastCode = QrPresentation.create(credential, deviceKey, now, ++qrCounter).encoded();
        return lastCode;
    }

    /** The last code this phone showed (what a screenshot of it would hold); null if it never showed one. */
    public synchronized Bytes lastCode() {
        return lastCode;
    }
}
