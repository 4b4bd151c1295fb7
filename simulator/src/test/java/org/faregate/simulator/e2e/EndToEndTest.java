package org.faregate.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.smartcardio.CardTerminal;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.simulator.city.FlakyLink;
import org.faregate.simulator.city.Media;
import org.faregate.simulator.city.Rider;
import org.faregate.simulator.pcsc.VirtualTerminals;
import org.faregate.validator.SyncReport;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.link.HttpGatewayLink;
import org.faregate.validator.qr.ZxingQrCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Riders, real validators and a real gateway over loopback HTTP: the paths a city depends on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private TestCity city;

    @BeforeAll
    void startCity() {
        city = TestCity.onCityClock();
    }

    @AfterAll
    void stopCity() {
        city.close();
    }

    @Test
    void qrRideFromACameraFrameIsChargedTheZoneFareOnce(@TempDir Path dir) throws Exception {
        Rider rider = city.rider(Media.PHONE_QR, 2_000);
        try (var in = city.gate(dir, "S01", Direction.ENTRY); var out = city.gate(dir, "S03", Direction.EXIT)) {
            TapDecision entry = in.validator().presentQrImage(rider.showQr(city.now())).orElseThrow();
            city.clock.advanceTo(city.now().plus(Duration.ofMinutes(14)));
            TapDecision exit = out.validator().presentQrImage(rider.showQr(city.now())).orElseThrow();
            assertThat(List.of(entry.reason(), exit.reason())).containsOnly(Reason.ACCEPTED);

            assertThat(in.validator().sync().delivered()).isEqualTo(1);
            assertThat(out.validator().sync().delivered()).isEqualTo(1);

            assertThat(city.balance(rider.account())).isEqualTo(2_000 - 400);
            // Whichever gate syncs first, the day converges: an entry alone is an incomplete journey at the
            // maximum fare; the exit arriving later reprices the day and posts only the difference.
            List<Accounts.LedgerEntry> fares = fares(rider);
            assertThat(fares).allSatisfy(fare -> assertThat(fare.tapId()).isEqualTo(entry.tapId()));
            assertThat(fares.stream().mapToLong(Accounts.LedgerEntry::amountMinor).sum()).isEqualTo(-400);
            assertThat(fares.get(fares.size() - 1).explanation()).contains("2 zones");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Media.class, names = {"CARD", "PHONE_NFC"})
    void nfcRideThroughVirtualPcscTerminalsIsCharged(Media media, @TempDir Path dir) throws Exception {
        Rider rider = city.rider(media, 2_000);
        VirtualTerminals terminals = new VirtualTerminals("S01-IN-1 reader", "S02-OUT-1 reader");
        var readers = terminals.terminalFactory().terminals();
        try (var in = city.gate(dir, "S01", Direction.ENTRY); var out = city.gate(dir, "S02", Direction.EXIT)) {
            TapDecision entry = tap(terminals, readers.getTerminal("S01-IN-1 reader"), rider, in.validator());
            city.clock.advanceTo(city.now().plus(Duration.ofMinutes(9)));
            TapDecision exit = tap(terminals, readers.getTerminal("S02-OUT-1 reader"), rider, out.validator());
            assertThat(List.of(entry.reason(), exit.reason())).containsOnly(Reason.ACCEPTED);
            in.validator().sync();
            out.validator().sync();
            assertThat(city.balance(rider.account())).isEqualTo(2_000 - 300);
            assertThat(storedReason(entry.tapId())).isEqualTo("accepted");
        }
    }

    @Test
    void gateOfflineForHoursKeepsDecidingAndLosesNoTapWhenItCatchesUp(@TempDir Path dir) throws Exception {
        List<Rider> riders = List.of(city.rider(Media.PHONE_QR, 2_000), city.rider(Media.PHONE_QR, 2_000),
                city.rider(Media.PHONE_QR, 2_000));
        try (var in = city.gate(dir, "S01", Direction.ENTRY)) {
            in.network().set(FlakyLink.Mode.DOWN);
            for (int hour = 0; hour < 3; hour++) {
                for (Rider rider : riders) {
                    assertThat(in.validator().presentQrImage(rider.showQr(city.now())).orElseThrow().accepted()).isTrue();
                }
                city.clock.advanceTo(city.now().plus(Duration.ofHours(1)));
                SyncReport offline = in.validator().sync();
                assertThat(offline.delivered()).isZero();
                assertThat(offline.failures()).isNotEmpty();
            }
            assertThat(in.validator().pendingTaps()).isEqualTo(9);
            assertThat(city.balance(riders.get(0).account())).isEqualTo(2_000);

            in.network().set(FlakyLink.Mode.UP);
            SyncReport back = in.validator().sync();
            assertThat(back.delivered()).isEqualTo(9);
            assertThat(in.validator().pendingTaps()).isZero();
            // three entries without exits: each an incomplete journey at the maximum fare from zone 1, the last
            // once its 180 minutes have passed (until then its exit could still come)
            city.clock.advanceTo(city.now().plus(Duration.ofHours(3)));
            for (Rider rider : riders) {
                assertThat(city.balance(rider.account())).isEqualTo(2_000 - 3 * 500);
            }
        }
    }

    @Test
    void batchesResentAfterLostAcknowledgementsChangeNothing(@TempDir Path dir) throws Exception {
        Rider rider = city.rider(Media.PHONE_QR, 2_000);
        try (var in = city.gate(dir, "S01", Direction.ENTRY)) {
            TapDecision entry = in.validator().presentQrImage(rider.showQr(city.now())).orElseThrow();
            in.network().set(FlakyLink.Mode.LOSING_ACKS);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(in.validator().sync().delivered()).isZero();
            }
            assertThat(in.network().lostAcks()).isEqualTo(3);
            in.network().set(FlakyLink.Mode.UP);
            assertThat(in.validator().sync().delivered()).isEqualTo(1);
            city.clock.advanceTo(city.now().plus(Duration.ofHours(3)));
            long balance = city.balance(rider.account());
            Accounts.History before = city.history(rider.account());

            TapRecord again = new TapRecord(entry.tapId(), in.validator().config().gateId(),
                    in.validator().config().stationId(), Direction.ENTRY, entry.at(), "qr", entry.credentialId(),
                    entry.accountId(), entry.reason());
            HttpGatewayLink link = city.link(in.identity());
            TapBatchAck ack = link.sendTaps(new TapBatch(in.validator().config().gateId(), List.of(again, again)));

            assertThat(ack.committed()).contains(entry.tapId());
            assertThat(city.balance(rider.account())).isEqualTo(balance).isEqualTo(2_000 - 500);
            assertThat(city.history(rider.account())).isEqualTo(before);
        }
    }

    @Test
    void forgedStaleAndReplayedCodesAreRefusedWithTheirReasonsAndChargeNothing(@TempDir Path dir) throws Exception {
        Rider rider = city.rider(Media.PHONE_QR, 2_000);
        try (var in = city.gate(dir, "S02", Direction.ENTRY)) {
            rider.showQr(city.now());
            byte[] forged = rider.lastCode().toArray();
            forged[1 + 5] ^= 0x01;
            TapDecision forgery = in.validator().presentQrImage(ZxingQrCodec.render(Bytes.of(forged), 3)).orElseThrow();
            TapDecision stale = in.validator().presentQrImage(rider.showQr(city.now().minus(Duration.ofMinutes(5))))
                    .orElseThrow();
            TapDecision genuine = in.validator().presentQrImage(rider.showQr(city.now())).orElseThrow();
            TapDecision replay = in.validator().presentQrImage(ZxingQrCodec.render(rider.lastCode(), 3)).orElseThrow();

            assertThat(List.of(forgery.reason(), stale.reason(), genuine.reason(), replay.reason()))
                    .containsExactly(Reason.BAD_SIGNATURE, Reason.EXPIRED_TOKEN, Reason.ACCEPTED, Reason.REPLAYED);
            assertThat(in.validator().sync().delivered()).isEqualTo(4);
            assertThat(storedReason(forgery.tapId())).isEqualTo("bad_signature");
            assertThat(storedReason(stale.tapId())).isEqualTo("expired_token");
            assertThat(storedReason(replay.tapId())).isEqualTo("replayed");
            city.clock.advanceTo(city.now().plus(Duration.ofHours(3)));
            assertThat(fares(rider)).singleElement().satisfies(fare -> assertThat(fare.tapId()).isEqualTo(genuine.tapId()));
        }
    }

    @Test
    void riderWhoRunsOutOfMoneyIsDeniedUntilTheyTopUp(@TempDir Path dir) throws Exception {
        Rider rider = city.rider(Media.CARD, 300);
        VirtualTerminals terminals = new VirtualTerminals("in", "out");
        var readers = terminals.terminalFactory().terminals();
        try (var in = city.gate(dir, "S01", Direction.ENTRY); var out = city.gate(dir, "S04", Direction.EXIT)) {
            assertThat(tap(terminals, readers.getTerminal("in"), rider, in.validator()).accepted()).isTrue();
            city.clock.advanceTo(city.now().plus(Duration.ofMinutes(30)));
            assertThat(tap(terminals, readers.getTerminal("out"), rider, out.validator()).accepted()).isTrue();
            in.validator().sync();
            out.validator().sync();
            assertThat(city.balance(rider.account())).isEqualTo(300 - 500);

            in.validator().sync();
            city.clock.advanceTo(city.now().plus(Duration.ofMinutes(30)));
            assertThat(tap(terminals, readers.getTerminal("in"), rider, in.validator()).reason())
                    .isEqualTo(Reason.DENIED_TOKEN);

            city.app.topUp(rider.account(), 2_000, "CNY", "after-denial-" + rider.account());
            in.validator().sync();
            assertThat(tap(terminals, readers.getTerminal("in"), rider, in.validator()).reason())
                    .isEqualTo(Reason.ACCEPTED);
        }
    }

    private static TapDecision tap(VirtualTerminals terminals, CardTerminal reader, Rider rider,
                                   org.faregate.validator.Validator gate) {
        terminals.insert(reader.getName(), rider.card());
        try {
            return gate.tapCard(reader);
        } finally {
            terminals.remove(reader.getName());
        }
    }

    private List<Accounts.LedgerEntry> fares(Rider rider) throws IOException {
        return city.history(rider.account()).entries().stream().filter(e -> e.kind().equals("fare")).toList();
    }

    private String storedReason(TapId tapId) throws SQLException {
        try (Connection db = city.gateway.dataSource().getConnection();
             PreparedStatement query = db.prepareStatement("select reason from taps where tap_id = ?")) {
            query.setObject(1, tapId.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
