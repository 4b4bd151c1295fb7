package org.faregate.validator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.CardTerminal;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.token.QrText;
import org.faregate.protocol.token.TokenRejectedException;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.card.CardReader;
import org.faregate.validator.card.PcscCardReader;
import org.faregate.validator.decision.DenyBreaker;
import org.faregate.validator.decision.DenyList;
import org.faregate.validator.decision.TapDecider;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.decision.TrustedKeys;
import org.faregate.validator.journal.JournalException;
import org.faregate.validator.journal.JournalStatus;
import org.faregate.validator.journal.SegmentedTapJournal;
import org.faregate.validator.journal.TapJournal;
import org.faregate.validator.link.GatewayLink;
import org.faregate.validator.qr.ScannerLine;
import org.faregate.validator.qr.ZxingQrCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gate: decides taps offline and journals each one durably before answering, and syncs with the
 * gateway when asked. Decisions may come from several reader threads while {@link #sync()} runs on another.
 * Every method that returns a {@link TapDecision} throws {@link JournalException} if the tap could not be
 * put on stable storage: the gate must then stay closed.
 */
public final class Validator implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(Validator.class);
    private static final IssuerKeyList NO_KEYS = new IssuerKeyList(List.of());
    private static final byte[] TEXT_PREFIX = QrText.PREFIX.getBytes(StandardCharsets.US_ASCII);

    private final ValidatorConfig config;
    private final InstantSource clock;
    private final SecureRandom random;
    private final TapJournal journal;
    private final DenyList denyList;
    private final TapDecider decider;
    private final GatewaySync sync;
    private final ClockDrift drift;
    private final ZxingQrCodec qrCodec = new ZxingQrCodec();

    private Validator(ValidatorConfig config, InstantSource clock, SecureRandom random, TapJournal journal,
                      GatewayLink link) {
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.journal = journal;
        StateFiles state = new StateFiles(config.dataDir());
        this.denyList = new DenyList(DenyBreaker.DEFAULT);
        state.loadDenyList(denyList);
        IssuerKeyList keyList = state.loadKeys().orElse(NO_KEYS);
        IssuerKeys keys = trustedOrNone(keyList);
        if (keys.keys().isEmpty()) {
            keyList = NO_KEYS;
        }
        this.decider = new TapDecider(config.direction(), config.qrValidity(), config.clockSkew(),
                config.passbackWindow(), denyList, keys);
        this.drift = new ClockDrift(config.gateId(), config.clockSkew());
        this.sync = new GatewaySync(config.gateId(), journal, link, denyList, decider, state, keyList, keys, clock,
                drift);
    }

    /** Opens the gate's journal and last known state in {@code config.dataDir()}. */
    public static Validator open(ValidatorConfig config, InstantSource clock, SecureRandom random, GatewayLink link) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(link, "link");
        Validator validator = new Validator(config, clock, random, SegmentedTapJournal.open(config.dataDir(),
                config.journalMaxBytes()), link);
        logger.info("Gate open [gate={}, station={}, direction={}, pending={}, denyListVersion={}, keys={}]",
                config.gateId(), config.stationId(), config.direction().code(), validator.pendingTaps(),
                validator.denyListVersion(), validator.sync.keyCount());
        return validator;
    }

    public ValidatorConfig config() {
        return config;
    }

    /** A QR code's binary payload, as a camera decoded it. */
    public TapDecision presentQr(byte[] payload) {
        Instant now = clock.instant();
        TapId tapId = TapId.timeOrdered(now, random);
        return record(decider.decideQr(tapId, payload, now), "qr");
    }

    /**
     * A scanner's text line ({@code FG1:} + base64url, with whatever line end, framing or AIM identifier the
     * scanner adds, see {@link ScannerLine}); anything else is journaled as {@code malformed_token}.
     */
    public TapDecision presentQrText(String line) {
        Bytes payload;
        try {
            payload = ScannerLine.parse(line);
        } catch (MalformedTokenException e) {
            Instant now = clock.instant();
            return record(TapDecision.anonymousRefusal(TapId.timeOrdered(now, random), now,
                    Reason.MALFORMED_TOKEN, e.getMessage()), "qr");
        }
        return presentQr(payload.toArray());
    }

    /** A camera frame: empty when there is no readable QR code in it (no tap happened). */
    public Optional<TapDecision> presentQrImage(BufferedImage frame) {
        return qrCodec.decode(frame).map(payload -> startsWithTextPrefix(payload)
                ? presentQrText(new String(payload.toArray(), StandardCharsets.US_ASCII))
                : presentQr(payload.toArray()));
    }

    /** A card or phone in the field of a javax.smartcardio terminal. */
    public TapDecision tapCard(CardTerminal terminal) {
        return tapCard(new PcscCardReader(terminal));
    }

    /**
     * One NFC transaction. A card that fails mid-transaction gives {@code card_error} and is not journaled
     * (no tap happened); a card that answers with an invalid token is refused and journaled.
     */
    public TapDecision tapCard(CardReader reader) {
        Instant now = clock.instant();
        TapId tapId = TapId.timeOrdered(now, random);
        NfcPresentation presentation;
        try {
            presentation = reader.read(NfcChallenge.fresh(random, now, config.gateId()));
        } catch (CardLinkException e) {
            logger.debug("Card read failed [gate={}]: {}", config.gateId(), e.getMessage());
            return TapDecision.anonymousRefusal(tapId, now, Reason.CARD_ERROR, e.getMessage());
        } catch (TokenRejectedException e) {
            TapDecision refusal = TapDecision.anonymousRefusal(tapId, now, e.reason(), e.getMessage());
            return e.reason() == Reason.CARD_ERROR ? refusal : record(refusal, "nfc");
        }
        return record(decider.decide(tapId, presentation, now), "nfc");
    }

    /** Delivers pending taps, pulls the deny list and refreshes issuer keys; never throws for network trouble. */
    public SyncReport sync() {
        return sync.run();
    }

    /** Trusts these issuer keys now and after a restart (e.g. provisioned before the first sync). */
    public void trustIssuerKeys(IssuerKeyList keys) {
        try {
            sync.trustKeys(keys);
        } catch (IOException e) {
            throw new JournalException("cannot store issuer keys in " + config.dataDir(), e);
        }
    }

    public int pendingTaps() {
        return journal.pendingCount();
    }

    /** The gateway's clock minus the gate's at the last sync that could measure it. */
    public Optional<Duration> clockDrift() {
        return drift.last();
    }

    /** The journal's disk use and alarm level; at {@code FULL} every tap throws {@link JournalException}. */
    public JournalStatus journalStatus() {
        return journal.status();
    }

    public long denyListVersion() {
        return denyList.version();
    }

    @Override
    public void close() {
        journal.close();
    }

    private TapDecision record(TapDecision decision, String channel) {
        journal.append(new TapRecord(decision.tapId(), config.gateId(), config.stationId(), config.direction(),
                decision.at(), channel, decision.credentialId(), decision.accountId(), decision.reason(),
                config.routeId().orElse(null)));
        logger.debug("Tap decided [gate={}, tap={}, channel={}, reason={}]", config.gateId(), decision.tapId(),
                channel, decision.reason().code());
        return decision;
    }

    private static boolean startsWithTextPrefix(Bytes payload) {
        if (payload.length() < TEXT_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < TEXT_PREFIX.length; i++) {
            if (payload.get(i) != TEXT_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private static IssuerKeys trustedOrNone(IssuerKeyList keyList) {
        try {
            return TrustedKeys.from(keyList);
        } catch (IllegalArgumentException e) {
            logger.warn("Stored issuer keys unreadable, trusting none until the next sync: {}", e.getMessage());
            return new IssuerKeys(Map.of());
        }
    }
}
