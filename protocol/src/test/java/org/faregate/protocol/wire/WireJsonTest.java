package org.faregate.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    private final WireJson json = new WireJson();
    private final GateId gate = GateId.of("S01-IN-1");

    @Test
    void tapBatchRoundTrips() throws WireFormatException {
        TapBatch batch = new TapBatch(gate, List.of(accepted(), refusedUnreadable()));
        assertThat(json.read(json.write(batch), TapBatch.class)).isEqualTo(batch);
    }

    @Test
    void reasonsAndDirectionsTravelAsStableCodes() {
        String text = new String(json.write(accepted()), StandardCharsets.UTF_8);
        assertThat(text).contains("\"reason\":\"accepted\"", "\"direction\":\"entry\"",
                "\"at\":\"2026-11-24T08:30:00Z\"", "\"accountId\":42");
    }

    @Test
    void unknownReasonCodeIsAWireErrorNamingTheField() {
        String text = new String(json.write(accepted()), StandardCharsets.UTF_8).replace("accepted", "maybe");
        assertThatThrownBy(() -> json.read(text.getBytes(StandardCharsets.UTF_8), TapRecord.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("reason");
    }

    @Test
    void tapFromAnotherGateInABatchIsRefused() {
        TapRecord elsewhere = new TapRecord(TapId.timeOrdered(Instant.now(), new SecureRandom()), GateId.of("S02-IN-1"),
                StationId.of("S02"), Direction.ENTRY, Instant.parse("2026-11-24T08:30:00Z"), "qr", null, null,
                Reason.MALFORMED_TOKEN);
        assertThatThrownBy(() -> new TapBatch(gate, List.of(elsewhere)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taps[0]");
    }

    @Test
    void acceptedTapWithoutAccountCannotExist() {
        assertThatThrownBy(() -> new TapRecord(TapId.timeOrdered(Instant.now(), new SecureRandom()), gate, StationId.of("S01"),
                Direction.ENTRY, Instant.parse("2026-11-24T08:30:00Z"), "qr", null, null, Reason.ACCEPTED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingFieldIsAWireErrorNotACrash() {
        byte[] body = "{\"gateId\":\"S01-IN-1\",\"taps\":[{\"tapId\":\"not-a-uuid\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.read(body, TapBatch.class)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("taps");
    }

    private TapRecord accepted() {
        return new TapRecord(TapId.timeOrdered(Instant.now(), new SecureRandom()), gate, StationId.of("S01"), Direction.ENTRY,
                Instant.parse("2026-11-24T08:30:00Z"), "qr", new CredentialId(UUID.randomUUID()), AccountId.of(42),
                Reason.ACCEPTED);
    }

    private TapRecord refusedUnreadable() {
        return new TapRecord(TapId.timeOrdered(Instant.now(), new SecureRandom()), gate, StationId.of("S01"), Direction.ENTRY,
                Instant.parse("2026-11-24T08:31:00Z"), "nfc", null, null, Reason.MALFORMED_TOKEN);
    }
}
