package org.faregate.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.validator.SyncReport;
import org.faregate.validator.Validator;
import org.faregate.validator.ValidatorConfig;
import org.faregate.validator.link.GateIdentity;
import org.faregate.validator.link.HttpGatewayLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate process is killed with SIGKILL while it is deciding taps, between journal writes and any sync.
 * Reopened, it delivers every tap whose decision it had returned, each exactly once.
 */
class KilledGateTest {

    @Test
    void gateKilledMidStreamLosesNoDecidedTap(@TempDir Path dir) throws Exception {
        try (TestCity city = new TestCity()) {
            Accounts.View account = city.app.open("adult");
            city.app.topUp(account.accountId(), 10_000_000, "CNY", "opening");
            SigningKey device = SigningKey.generate(new SecureRandom());
            Accounts.IssuedCredential credential = city.app.credential(account.accountId(),
                    device.verifyingKey().compressed().toHex(), "phone");
            Path keys = dir.resolve("keys.json");
            Files.write(keys, city.json.write(city.get("/v1/issuer-keys", IssuerKeyList.class)));
            Path gateDir = dir.resolve("gate");

            Process gate = new ProcessBuilder(ChildJvm.java(), "-cp", ChildJvm.classPath(), GateProcess.class.getName(), gateDir.toString(), keys.toString(),
                    credential.credential(), device.exportScalar().toHex())
                    .redirectError(dir.resolve("gate.err").toFile()).start();
            List<UUID> decided = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(gate.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("DECIDED ")) {
                        decided.add(UUID.fromString(line.split(" ")[1]));
                        if (decided.size() == 25) {
                            // SIGKILL through the handle (Process.destroyForcibly would also close our pipes):
                            // no shutdown hook, no close, no flush; lines already printed still arrive.
                            gate.toHandle().destroyForcibly();
                        }
                    }
                }
            }
            assertThat(gate.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(gate.exitValue()).isNotZero();
            assertThat(decided).hasSizeGreaterThanOrEqualTo(25);

            ValidatorConfig config = ValidatorConfig.of(GateId.of("K01-OUT-1"), StationId.of("S01"),
                    Direction.EXIT, gateDir);
            // Installed after the fact: the key the killed process made on its first start signs the resend.
            GateIdentity identity = TestCity.registerGate(city.operator, config.gateId(), gateDir, new SecureRandom());
            try (Validator reopened = Validator.open(config, InstantSource.system(), new SecureRandom(),
                    new HttpGatewayLink(city.base(), identity))) {
                assertThat(reopened.pendingTaps()).isGreaterThanOrEqualTo(decided.size());
                SyncReport report = reopened.sync();
                assertThat(report.failures()).isEmpty();
                assertThat(reopened.pendingTaps()).isZero();
                assertThat(report.delivered()).isGreaterThanOrEqualTo(decided.size());
            }
            try (Connection db = city.gateway.dataSource().getConnection()) {
                for (UUID tap : decided) {
                    assertThat(countTaps(db, tap)).as("tap %s", tap).isEqualTo(1);
                }
            }
        }
    }

    private static int countTaps(Connection db, UUID tap) throws Exception {
        try (PreparedStatement query = db.prepareStatement("select count(*) from taps where tap_id = ?")) {
            query.setObject(1, tap);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
