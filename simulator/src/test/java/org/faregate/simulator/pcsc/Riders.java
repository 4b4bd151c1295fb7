package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.fail;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.GateId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.nfc.ApduChannel;
import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.PresentationVerifier;

/** Test data: an issuer, riders' cards and phones it issued, and the gate side that checks them. */
final class Riders {

    static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");
    static final KeyId ISSUER_KEY_ID = KeyId.of(7);

    private final SecureRandom random = new SecureRandom();
    private final SigningKey issuerKey = SigningKey.generate(random);

    /** A freshly issued card holding a week-long adult credential, counter at 0. */
    HolderApplet newCard() {
        SigningKey deviceKey = SigningKey.generate(random);
        Credential credential = Credential.issue(ISSUER_KEY_ID, issuerKey, CredentialId.random(random),
                AccountId.of(42), RiderCategory.ADULT, MediaType.CARD, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(6)), 0, deviceKey.verifyingKey());
        return new HolderApplet(credential, deviceKey, 0);
    }

    PresentationVerifier verifier() {
        return new PresentationVerifier(IssuerKeys.of(ISSUER_KEY_ID, issuerKey.verifyingKey()),
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    NfcChallenge challenge(String gate) {
        return NfcChallenge.fresh(random, NOW, GateId.of(gate));
    }

    /** The gate's adapter from javax.smartcardio to the protocol's APDU link. */
    static ApduChannel link(CardChannel channel) {
        return command -> {
            try {
                return channel.transmit(new CommandAPDU(command)).getBytes();
            } catch (CardException e) {
                throw new CardLinkException("card link failed: " + e.getMessage(), e);
            }
        };
    }

    /** Waits (spinning, no sleep) until {@code condition} holds; fails after five seconds. */
    static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }
}
