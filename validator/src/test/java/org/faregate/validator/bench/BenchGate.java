package org.faregate.validator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.stream.Stream;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;
import org.faregate.validator.Validator;
import org.faregate.validator.ValidatorConfig;

/**
 * A real entry gate on a fresh temporary data directory (the journal fsyncs there), trusting the
 * benchmark issuer, with a fixed clock at {@link BenchTokens#T0}.
 * <p>
 * Codes are valid for a year and the pass-back window is zero: one rider's phone presents thousands of
 * codes in a row, which a real entry gate would refuse as {@code passback} after the first. The
 * pass-back and replay checks still run on every tap.
 */
final class BenchGate implements AutoCloseable {

    static final Duration QR_VALIDITY = Duration.ofDays(365);

    final Path dataDir;
    final Validator validator;

    private BenchGate(Path dataDir, Validator validator) {
        this.dataDir = dataDir;
        this.validator = validator;
    }

    static BenchGate open(BenchTokens tokens) {
        Path dir = tempDir("faregate-bench-gate-");
        ValidatorConfig config = ValidatorConfig.of(GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY, dir)
                .withQrValidity(QR_VALIDITY, ValidatorConfig.DEFAULT_CLOCK_SKEW)
                .withPassbackWindow(Duration.ZERO);
        Validator validator = Validator.open(config, InstantSource.fixed(BenchTokens.T0), tokens.random,
                new NoOpGatewayLink(tokens));
        validator.trustIssuerKeys(tokens.keyList());
        return new BenchGate(dir, validator);
    }

    /** Delivers the journaled taps (as a gate does between rushes), so the journal stays small. */
    void sync() {
        if (!validator.sync().complete()) {
            throw new IllegalStateException("sync with the no-op gateway failed");
        }
    }

    @Override
    public void close() {
        validator.close();
        deleteTree(dataDir);
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
