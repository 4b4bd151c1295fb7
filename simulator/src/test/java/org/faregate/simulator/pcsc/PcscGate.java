package org.faregate.simulator.pcsc;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.RiderCategory;
import org.faregate.protocol.StationId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.feed.DenyFeedSink;
import org.faregate.protocol.feed.FeedSignature;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.validator.Validator;
import org.faregate.validator.ValidatorConfig;
import org.faregate.validator.link.GatewayLink;

/**
 * A real entry gate on a fixed clock, trusting one test issuer from the start and never syncing, and the
 * cards that issuer hands out. The pass-back window is zero so one card may tap many times in a row.
 */
final class PcscGate implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");
    private static final KeyId ISSUER_KEY_ID = KeyId.of(9);

    private final SecureRandom random = new SecureRandom();
    private final SigningKey issuerKey = SigningKey.generate(random);
    final Validator validator;

    PcscGate(Path dataDir) {
        ValidatorConfig config = ValidatorConfig.of(GateId.of("P01-IN-1"), StationId.of("P01"), Direction.ENTRY,
                dataDir).withPassbackWindow(Duration.ZERO);
        validator = Validator.open(config, InstantSource.fixed(NOW), random, new UnreachableGateway());
        validator.trustIssuerKeys(new IssuerKeyList(List.of(
                new IssuerKeyList.Entry(ISSUER_KEY_ID, issuerKey.verifyingKey().compressed().toHex()))));
    }

    /** A freshly issued card holding a week-long adult credential. */
    HolderApplet newCard() {
        SigningKey deviceKey = SigningKey.generate(random);
        Credential credential = Credential.issue(ISSUER_KEY_ID, issuerKey, CredentialId.random(random),
                AccountId.of(42), RiderCategory.ADULT, MediaType.CARD, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(6)), 0, deviceKey.verifyingKey());
        return new HolderApplet(credential, deviceKey, 0);
    }

    @Override
    public void close() {
        validator.close();
    }

    /** These gates decide offline; reaching the gateway would be a test bug. */
    private static final class UnreachableGateway implements GatewayLink {

        @Override
        public TapBatchAck sendTaps(TapBatch batch) {
            throw new IllegalStateException("a PC/SC test gate never syncs");
        }

        @Override
        public FeedSignature fetchDenyList(long sinceVersion, DenyFeedSink sink) {
            throw new IllegalStateException("a PC/SC test gate never syncs");
        }

        @Override
        public IssuerKeyList fetchIssuerKeys() {
            throw new IllegalStateException("a PC/SC test gate never syncs");
        }
    }
}
