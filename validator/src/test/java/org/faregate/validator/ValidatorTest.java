package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.validator.testing.TestTokens.T0;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.nfc.CardLinkException;
import org.faregate.protocol.nfc.HolderApplet;
import org.faregate.protocol.nfc.NfcReader;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.QrText;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.validator.card.CardReader;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.journal.DiskLevel;
import org.faregate.validator.journal.JournalException;
import org.faregate.validator.qr.ZxingQrCodec;
import org.faregate.validator.testing.MutableClock;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {

    private final TestTokens tokens = new TestTokens();
    private final MutableClock clock = new MutableClock(T0);
    private final FakeGateway gateway = new FakeGateway(tokens, clock);
    private final Credential credential = tokens.validCredential();

    @TempDir
    Path dataDir;
    private Validator validator;

    @BeforeEach
    void open() {
        validator = open(Direction.ENTRY);
        assertThat(validator.sync().complete()).isTrue();
    }

    @AfterEach
    void close() {
        validator.close();
    }

    private Validator open(Direction direction) {
        return Validator.open(ValidatorConfig.of(GateId.of("S01-IN-1"), StationId.of("S01"), direction, dataDir),
                clock, tokens.random, gateway);
    }

    private Validator reopen(Direction direction) {
        validator.close();
        validator = open(direction);
        return validator;
    }

    private byte[] freshQr(long counter) {
        return tokens.qr(credential, clock.instant(), counter);
    }

    private CardReader cardOf(HolderApplet applet) {
        return challenge -> NfcReader.read(applet::process, challenge);
    }

    @Test
    void acceptedQrIsJournaledBeforeTheGateOpens() {
        TapDecision decision = validator.presentQr(freshQr(1));

        assertThat(decision.reason()).isEqualTo(Reason.ACCEPTED);
        assertThat(validator.pendingTaps()).isEqualTo(1);
        assertThat(reopen(Direction.ENTRY).pendingTaps()).isEqualTo(1);
    }

    @Test
    void refusedTapsAreJournaledToo() {
        validator.presentQrText("not a faregate code");
        validator.presentQr(new byte[] {1, 2, 3});
        validator.presentQr(tokens.qr(credential, T0.minusSeconds(3600), 1));

        assertThat(validator.pendingTaps()).isEqualTo(3);
        validator.sync();
        assertThat(gateway.committed().values()).extracting(TapRecord::reason)
                .containsExactlyInAnyOrder(Reason.MALFORMED_TOKEN, Reason.MALFORMED_TOKEN, Reason.EXPIRED_TOKEN);
    }

    @Test
    void scannerTextLineIsDecided() {
        String line = QrText.encode(Bytes.of(freshQr(1)));

        assertThat(validator.presentQrText(line + "\r\n").reason()).isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void scannerLineWithAnAimIdentifierIsDecidedAndAnotherSymbologyIsMalformed() {
        String line = QrText.encode(Bytes.of(freshQr(1)));

        assertThat(validator.presentQrText("]Q1" + line + "\r\n").reason()).isEqualTo(Reason.ACCEPTED);
        TapDecision barcode = validator.presentQrText("]E04006381333931\r\n");
        assertThat(barcode.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
        assertThat(barcode.detail()).contains("another symbology than QR");
    }

    @Test
    void cameraFrameWithACodeIsDecidedAndAnEmptyFrameIsNoTap() {
        BufferedImage frame = ZxingQrCodec.render(Bytes.of(freshQr(1)), 3);

        assertThat(validator.presentQrImage(frame)).hasValueSatisfying(d -> assertThat(d.accepted()).isTrue());
        assertThat(validator.presentQrImage(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB))).isEmpty();
        assertThat(validator.pendingTaps()).isEqualTo(1);
    }

    @Test
    void nfcTapThroughTheHolderAppletIsAcceptedAndJournaledAsNfc() {
        TapDecision decision = validator.tapCard(cardOf(new HolderApplet(credential, tokens.deviceKey, 0)));

        assertThat(decision.reason()).isEqualTo(Reason.ACCEPTED);
        validator.sync();
        assertThat(gateway.committed().values()).singleElement()
                .satisfies(tap -> assertThat(tap.channel()).isEqualTo("nfc"));
    }

    @Test
    void cardFailingMidTransactionIsCardErrorAndNotJournaled() {
        HolderApplet applet = new HolderApplet(credential, tokens.deviceKey, 0);
        int[] apdus = {0};
        CardReader leavesAfterSelect = challenge -> NfcReader.read(command -> {
            if (apdus[0]++ > 0) {
                throw new CardLinkException("card removed");
            }
            return applet.process(command);
        }, challenge);

        TapDecision decision = validator.tapCard(leavesAfterSelect);

        assertThat(decision.reason()).isEqualTo(Reason.CARD_ERROR);
        assertThat(validator.pendingTaps()).isZero();
    }

    @Test
    void readableCardWithAForgedCredentialIsRefusedAndJournaled() {
        Credential forged = tokens.credential().signedBy(SigningKey.generate(tokens.random)).build();

        TapDecision decision = validator.tapCard(cardOf(new HolderApplet(forged, tokens.deviceKey, 0)));

        assertThat(decision.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(validator.pendingTaps()).isEqualTo(1);
    }

    @Test
    void cardWithoutTheFaregateApplicationIsUnsupported() {
        TapDecision decision = validator.tapCard(challenge -> NfcReader.read(command -> new byte[] {0x6A, (byte) 0x82},
                challenge));

        assertThat(decision.reason()).isEqualTo(Reason.UNSUPPORTED_CARD);
    }

    @Test
    void offlineTapsStayPendingAndAreDeliveredOnceWhenOnline() {
        gateway.online(false);
        validator.presentQr(freshQr(1));
        clock.advance(Duration.ofMinutes(3));
        validator.presentQr(freshQr(2));

        SyncReport offline = validator.sync();

        assertThat(offline.complete()).isFalse();
        assertThat(offline.failures()).singleElement().asString().contains("fake-gateway");
        assertThat(offline.pending()).isEqualTo(2);
        assertThat(gateway.committed()).isEmpty();

        gateway.online(true);
        SyncReport online = validator.sync();
        SyncReport again = validator.sync();

        assertThat(online.delivered()).isEqualTo(2);
        assertThat(online.pending()).isZero();
        assertThat(again.delivered()).isZero();
        assertThat(gateway.deliveries().values()).containsOnly(1);
        assertThat(reopen(Direction.ENTRY).pendingTaps()).isZero();
    }

    @Test
    void manyPendingTapsGoInBatchesOfAtMostFiveHundred() {
        gateway.online(false);
        for (int i = 0; i < 1001; i++) {
            validator.presentQrText("garbage " + i);
        }
        gateway.online(true);

        SyncReport report = validator.sync();

        assertThat(report.delivered()).isEqualTo(1001);
        assertThat(gateway.batchSizes()).containsExactly(500, 500, 1);
    }

    @Test
    void tapsTheGatewayDidNotCommitStayPending() {
        for (int i = 0; i < 4; i++) {
            validator.presentQrText("garbage " + i);
        }
        gateway.commitLimit(1);

        SyncReport report = validator.sync();

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(report.pending()).isEqualTo(3);
    }

    @Test
    void deniedCredentialIsRefusedAfterSyncEvenAfterAnOfflineRestart() {
        gateway.deny(credential.id(), true);
        validator.sync();

        assertThat(validator.presentQr(freshQr(1)).reason()).isEqualTo(Reason.DENIED_TOKEN);

        gateway.online(false);
        Validator restarted = reopen(Direction.ENTRY);
        assertThat(restarted.denyListVersion()).isEqualTo(1);
        assertThat(restarted.presentQr(freshQr(2)).reason()).isEqualTo(Reason.DENIED_TOKEN);

        gateway.online(true);
        gateway.deny(credential.id(), false);
        restarted.sync();
        assertThat(restarted.presentQr(freshQr(3)).reason()).isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void deltaWithAGapIsReplacedByASnapshot() {
        gateway.deny(credential.id(), true);
        validator.sync();
        gateway.deny(credential.id(), false);
        gateway.deny(credential.id(), true);
        gateway.forgetHistory();

        SyncReport report = validator.sync();

        assertThat(report.complete()).isTrue();

        assertThat(validator.denyListVersion()).isEqualTo(3);
        assertThat(validator.presentQr(freshQr(1)).reason()).isEqualTo(Reason.DENIED_TOKEN);
    }

    @Test
    void issuerKeysArePersistedForAnOfflineColdStart() {
        gateway.online(false);

        Validator restarted = reopen(Direction.ENTRY);

        assertThat(restarted.presentQr(freshQr(1)).reason()).isEqualTo(Reason.ACCEPTED);
    }

    @Test
    void readersDecideWhileSyncRuns() throws Exception {
        Validator exitGate = reopen(Direction.EXIT);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int reader = 0; reader < 4; reader++) {
                int first = reader * 25;
                work.add(readers.submit(() -> {
                    for (int i = 1; i <= 25; i++) {
                        assertThat(exitGate.presentQr(freshQr(first + i)).accepted()).isTrue();
                    }
                }));
            }
            work.add(readers.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    exitGate.sync();
                }
            }));
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            readers.shutdownNow();
        }
        exitGate.sync();

        assertThat(exitGate.pendingTaps()).isZero();
        assertThat(gateway.committed()).hasSize(100);
    }

    @Test
    void validateOnBoardReaderNamesItsRouteOnEveryTap() {
        validator.close();
        validator = Validator.open(ValidatorConfig.of(GateId.of("BUS-4711"), StationId.of("S01"), Direction.BOARD,
                dataDir.resolve("bus")).onRoute("B1"), clock, tokens.random, gateway);
        validator.trustIssuerKeys(tokens.keyList());
        TapDecision decision = validator.presentQr(freshQr(1));

        validator.sync();

        assertThat(gateway.committed().get(decision.tapId()).routeId()).isEqualTo("B1");
    }

    /** At FULL the gate stays closed and loses nothing; a sync frees the journal and the gate takes taps again. */
    @Test
    void fullJournalKeepsTheGateClosedUntilTheGatewayAcknowledges() {
        validator.close();
        validator = Validator.open(ValidatorConfig.of(GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY,
                dataDir).withPassbackWindow(Duration.ZERO).withJournalMaxBytes(ValidatorConfig.MIN_JOURNAL_MAX_BYTES),
                clock, tokens.random, gateway);
        gateway.online(false);
        validator.trustIssuerKeys(tokens.keyList());
        int accepted = 0;
        JournalException refusal = null;
        for (int i = 0; i < 1000 && refusal == null; i++) {
            clock.advance(Duration.ofSeconds(1));
            try {
                assertThat(validator.presentQr(tokens.qr(credential, clock.instant(), i)).reason())
                        .isEqualTo(Reason.ACCEPTED);
                accepted++;
            } catch (JournalException e) {
                refusal = e;
            }
        }

        assertThat(refusal).isNotNull().hasMessageContaining("journal full");
        assertThat(validator.journalStatus().level()).isEqualTo(DiskLevel.FULL);
        assertThat(validator.pendingTaps()).isEqualTo(accepted);
        assertThatThrownBy(() -> validator.presentQr(tokens.qr(credential, clock.instant(), 5000)))
                .isInstanceOf(JournalException.class);
        assertThat(validator.pendingTaps()).isEqualTo(accepted);

        gateway.online(true);
        assertThat(validator.sync().delivered()).isEqualTo(accepted);

        assertThat(validator.journalStatus().level()).isEqualTo(DiskLevel.OK);
        assertThat(validator.presentQr(tokens.qr(credential, clock.instant(), 5001)).reason())
                .isEqualTo(Reason.ACCEPTED);
        assertThat(gateway.committed()).hasSize(accepted);
    }
}
