package org.faregate.validator.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.faregate.protocol.GateId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateIdentityTest {

    private static final GateId GATE = GateId.of("S01-IN-1");

    @Test
    void theFirstOpenMakesAKeyThatLaterOpensFindAgain(@TempDir Path dir) {
        GateIdentity first = GateIdentity.openOrCreate(GATE, dir.resolve("data"), new SecureRandom());
        GateIdentity again = GateIdentity.openOrCreate(GATE, dir.resolve("data"), new SecureRandom());

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(first.publicKeyHex()).hasSize(66);
        assertThat(dir.resolve("data").resolve(GateIdentity.FILE + ".tmp")).doesNotExist();
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        GateIdentity.openOrCreate(GATE, dir, new SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(GateIdentity.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void neitherItsTextNorTheLinkShowsThePrivateKey(@TempDir Path dir) throws Exception {
        GateIdentity identity = GateIdentity.openOrCreate(GATE, dir, new SecureRandom());
        String secret = Files.readString(dir.resolve(GateIdentity.FILE)).trim();

        assertThat(secret).hasSize(64);
        assertThat(identity.toString()).doesNotContain(secret).contains(identity.publicKeyHex());
    }

    @Test
    void aDamagedKeyFileIsAnErrorNotANewIdentity(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(GateIdentity.FILE), "not a key\n");

        assertThatThrownBy(() -> GateIdentity.openOrCreate(GATE, dir, new SecureRandom()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("64 hex digits");
        assertThat(Files.readString(dir.resolve(GateIdentity.FILE))).isEqualTo("not a key\n");
    }
}
