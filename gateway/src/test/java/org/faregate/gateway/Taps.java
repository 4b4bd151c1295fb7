package org.faregate.gateway;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapRecord;

/** Test data: taps of one test gate, at local times of a fixed Shanghai service day. */
public final class Taps {

    public static final GateId GATE = GateId.of("TEST-GATE-1");
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Taps() {
    }

    /** {@code "08:30"} on 2026-03-02, Shanghai time; {@code "+1 02:10"} is the next calendar day. */
    public static Instant at(String time) {
        int days = 0;
        String clock = time;
        if (time.startsWith("+")) {
            days = Integer.parseInt(time.substring(1, time.indexOf(' ')));
            clock = time.substring(time.indexOf(' ') + 1);
        }
        return LocalDateTime.parse("2026-03-02T" + clock).plusDays(days).atZone(SHANGHAI).toInstant();
    }

    public static CredentialId credential() {
        return new CredentialId(UUID.randomUUID());
    }

    public static TapRecord tap(AccountId account, CredentialId credential, Direction direction, String station,
                                Instant at) {
        return new TapRecord(TapId.timeOrdered(Instant.now(), RANDOM), GATE, StationId.of(station), direction, at, "qr", credential,
                account, Reason.ACCEPTED);
    }

    public static TapRecord entry(AccountId account, CredentialId credential, String station, String time) {
        return tap(account, credential, Direction.ENTRY, station, at(time));
    }

    public static TapRecord exit(AccountId account, CredentialId credential, String station, String time) {
        return tap(account, credential, Direction.EXIT, station, at(time));
    }

    public static TapRecord refused(String station, String time) {
        return new TapRecord(TapId.timeOrdered(Instant.now(), RANDOM), GATE, StationId.of(station), Direction.ENTRY, at(time), "nfc", null,
                null, Reason.BAD_SIGNATURE);
    }

    public static TapBatch batch(TapRecord... taps) {
        return new TapBatch(GATE, List.of(taps));
    }

    public static TapBatch batch(List<TapRecord> taps) {
        return new TapBatch(GATE, taps);
    }
}
