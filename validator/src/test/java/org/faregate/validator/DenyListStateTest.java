package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.WireJson;
import org.faregate.validator.decision.DenyList;
import org.faregate.validator.decision.SpreadIds;
import org.faregate.validator.testing.MutableClock;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenyListStateTest {

    private final TestTokens tokens = new TestTokens();
    private final MutableClock clock = new MutableClock(TestTokens.T0);
    private final FakeGateway gateway = new FakeGateway(tokens, clock);

    @TempDir
    Path dataDir;

    private ValidatorConfig gateConfig() {
        return ValidatorConfig.of(GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY, dataDir);
    }

    @Test
    void aMillionIdsRoundTripThroughTheStateFile() throws IOException {
        SpreadIds ids = new SpreadIds(1_000_000, 11);
        DenyList saved = ids.restoreInto(new DenyList(), 77);
        StateFiles state = new StateFiles(dataDir);

        state.saveDenyList(saved);
        DenyList loaded = new DenyList();
        boolean found = state.loadDenyList(loaded);

        assertThat(found).isTrue();
        assertThat(Files.size(dataDir.resolve(StateFiles.DENY_LIST))).isEqualTo(20 + 16L * 1_000_000 + 4);
        assertThat(loaded.version()).isEqualTo(77);
        assertThat(loaded.size()).isEqualTo(1_000_000);
        for (int i = 0; i < 1_000_000; i += 997) {
            assertThat(loaded.isDenied(ids.id(i))).isTrue();
            assertThat(loaded.isDenied(ids.absent(i))).isFalse();
        }
        assertThat(loaded.isDenied(ids.id(999_999))).isTrue();
        assertThat(Files.exists(dataDir.resolve(StateFiles.DENY_LIST + ".tmp"))).isFalse();
    }

    @Test
    void aFlippedByteIsCaughtAndTheListStaysEmptyForASnapshot() throws IOException {
        saveSome(1_000);
        corrupt(20 + 16 * 500 + 3);

        DenyList loaded = new DenyList();

        assertThat(new StateFiles(dataDir).loadDenyList(loaded)).isFalse();
        assertThat(loaded.version()).isZero();
        assertThat(loaded.size()).isZero();
        assertThat(dataDir.resolve(StateFiles.DENY_LIST + StateFiles.CORRUPT_SUFFIX)).exists();
        assertThat(dataDir.resolve(StateFiles.DENY_LIST)).doesNotExist();
    }

    @Test
    void truncatedOrForeignFilesAreCaughtToo() throws IOException {
        saveSome(1_000);
        Path file = dataDir.resolve(StateFiles.DENY_LIST);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(20 + 16 * 300);
        }
        assertThat(new StateFiles(dataDir).loadDenyList(new DenyList())).isFalse();

        Files.writeString(file, "{\"not\": \"a deny list\"}");
        assertThat(new StateFiles(dataDir).loadDenyList(new DenyList())).isFalse();

        Files.write(file, new byte[0]);
        assertThat(new StateFiles(dataDir).loadDenyList(new DenyList())).isFalse();
    }

    @Test
    void aJsonSnapshotOfAnOlderGateIsReadAndReplacedOnTheNextSave() throws IOException {
        CredentialId id = CredentialId.random(new SecureRandom());
        Files.write(dataDir.resolve(StateFiles.LEGACY_DENY_LIST), new WireJson().write(
                new DenyListDelta(0, 4, true, List.of(new DenyChange(id, true, 4, "lost")))));
        StateFiles state = new StateFiles(dataDir);
        DenyList loaded = new DenyList();

        assertThat(state.loadDenyList(loaded)).isTrue();
        assertThat(loaded.isDenied(id)).isTrue();
        assertThat(loaded.version()).isEqualTo(4);

        state.saveDenyList(loaded);
        assertThat(dataDir.resolve(StateFiles.LEGACY_DENY_LIST)).doesNotExist();
        DenyList reloaded = new DenyList();
        assertThat(state.loadDenyList(reloaded)).isTrue();
        assertThat(reloaded.isDenied(id)).isTrue();
    }

    @Test
    void aGateWithACorruptListStartsAndTakesASnapshotAtTheNextSync() throws IOException {
        Credential credential = tokens.validCredential();
        ValidatorConfig config = gateConfig();
        gateway.deny(credential.id(), true);
        try (Validator first = Validator.open(config, clock, tokens.random, gateway)) {
            first.sync();
        }
        corrupt(20 + 3);

        gateway.online(false);
        try (Validator restarted = Validator.open(config, clock, tokens.random, gateway)) {
            assertThat(restarted.denyListVersion()).isZero();
            gateway.online(true);
            assertThat(restarted.sync().complete()).isTrue();
            assertThat(restarted.denyListVersion()).isEqualTo(1);
            assertThat(restarted.presentQr(tokens.qr(credential, clock.instant(), 1)).reason())
                    .isEqualTo(Reason.DENIED_TOKEN);
        }
    }

    @Test
    void syncReportsARefusedDeltaAndTheGateKeepsItsList() throws IOException {
        Credential credential = tokens.validCredential();
        ValidatorConfig config = gateConfig();
        gateway.deny(credential.id(), true);
        try (Validator validator = Validator.open(config, clock, tokens.random, gateway)) {
            validator.sync();
            List<CredentialId> flood = new ArrayList<>();
            for (int i = 0; i < 10_001; i++) {
                flood.add(CredentialId.random(tokens.random));
                gateway.deny(flood.get(i), true);
            }

            SyncReport report = validator.sync();

            assertThat(report.failures()).singleElement().asString().startsWith("deny_delta_refused: delta to version 10002");
            assertThat(report.denyListVersion()).isEqualTo(1);
            assertThat(validator.presentQr(tokens.qr(credential, clock.instant(), 1)).reason())
                    .isEqualTo(Reason.DENIED_TOKEN);
        }
        DenyList onDisk = new DenyList();
        new StateFiles(dataDir).loadDenyList(onDisk);
        assertThat(onDisk.version()).isEqualTo(1);
    }

    @Test
    void aSnapshotOlderThanTheGatesListIsRefusedSoOldDenialsCannotBeReplayedIn() {
        ValidatorConfig config = gateConfig();
        for (int i = 0; i < 3; i++) {
            gateway.deny(CredentialId.random(tokens.random), true);
        }
        try (Validator validator = Validator.open(config, clock, tokens.random, gateway)) {
            assertThat(validator.sync().denyListVersion()).isEqualTo(3);
            gateway.restoreDenyLog(1);

            SyncReport report = validator.sync();

            assertThat(report.failures()).singleElement().asString()
                    .startsWith("feed_untrusted: snapshot to version 1 is older than the gate's deny list (version 3)");
            assertThat(report.denyListVersion()).isEqualTo(3);
        }
    }

    private void saveSome(int count) throws IOException {
        new StateFiles(dataDir).saveDenyList(new SpreadIds(count, 4).restoreInto(new DenyList(), 3));
    }

    private void corrupt(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(StateFiles.DENY_LIST), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            channel.write(one, offset);
        }
    }
}
