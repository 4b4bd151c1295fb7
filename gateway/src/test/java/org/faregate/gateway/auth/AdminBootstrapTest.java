package org.faregate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void withoutAConfiguredTokenOneIsGeneratedIntoAnOwnerOnlyFileAndOnlyItsPathIsLogged(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("data/admin-token");
        AdminBootstrap bootstrap = AdminBootstrap.tokenFile(file);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        BearerToken token;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            token = bootstrap.resolve(RANDOM);
        } finally {
            System.setErr(original);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(token.reveal() + "\n");
        assertThat(token.reveal()).startsWith("fgo_").hasSize(4 + 43);
        assertThat(bootstrap.configuredToken()).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains(file.toAbsolutePath().toString())
                .doesNotContain(token.reveal(), token.reveal().substring(4, 20));
    }

    @Test
    void theTokenFileIsReadAgainAtTheNextStart(@TempDir Path dir) {
        AdminBootstrap bootstrap = AdminBootstrap.tokenFile(dir.resolve("admin-token"));

        BearerToken first = bootstrap.resolve(RANDOM);
        BearerToken second = bootstrap.resolve(RANDOM);

        assertThat(second.hash()).isEqualTo(first.hash());
    }

    @Test
    void aConfiguredTokenIsUsedAsItIsAndNeverPrinted() {
        BearerToken token = BearerToken.configured("a-long-enough-operator-chosen-secret-0123456789");
        AdminBootstrap bootstrap = AdminBootstrap.configured(token);

        assertThat(bootstrap.resolve(RANDOM)).isSameAs(token);
        assertThat(bootstrap.toString()).doesNotContain("secret").contains("redacted");
    }
}
