package org.faregate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module boundaries of docs/architecture.md honest by reading every main source file's imports:
 * each technology stays in its adapter, and the dependency arrows point one way.
 */
class ArchitectureTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private record Source(String module, String path, List<String> imports) {
    }

    @Test
    void theRepositoryHasTheModulesThisTestReads() {
        assertThat(sources()).extracting(Source::module).contains("fare-rules", "protocol", "validator", "gateway",
                "hazelcast", "simulator");
    }

    @Test
    void fareRulesUsesOnlyTheJdk() {
        assertThat(violations(s -> s.module.equals("fare-rules"), i -> !i.startsWith("java.")
                && !i.startsWith("org.faregate.fares"))).isEmpty();
    }

    @Test
    void onlyTheHazelcastModuleImportsHazelcast() {
        assertThat(violations(s -> !s.module.equals("hazelcast"), i -> i.startsWith("com.hazelcast"))).isEmpty();
    }

    @Test
    void onlyTheGatewayImportsVertx() {
        assertThat(violations(s -> !s.module.equals("gateway"), i -> i.startsWith("io.vertx"))).isEmpty();
    }

    @Test
    void bouncyCastleStaysInTheCryptoPackage() {
        assertThat(violations(s -> !s.path.contains("org/faregate/protocol/crypto/"),
                i -> i.startsWith("org.bouncycastle"))).isEmpty();
    }

    @Test
    void zxingStaysInTheValidatorsQrPackage() {
        assertThat(violations(s -> !s.path.contains("org/faregate/validator/qr/"),
                i -> i.startsWith("com.google.zxing"))).isEmpty();
    }

    @Test
    void smartcardioStaysInTheCardAdapterAndTheSimulator() {
        assertThat(violations(s -> !s.path.contains("org/faregate/validator/card/") && !s.module.equals("simulator")
                && !s.path.endsWith("org/faregate/validator/Validator.java")
                && !s.path.endsWith("org/faregate/validator/RunCommand.java"),
                i -> i.startsWith("javax.smartcardio"))).isEmpty();
    }

    @Test
    void validatorAndGatewayNeverDependOnEachOther() {
        assertThat(violations(s -> s.module.equals("validator"), i -> i.startsWith("org.faregate.gateway"))).isEmpty();
        assertThat(violations(s -> s.module.equals("gateway"), i -> i.startsWith("org.faregate.validator"))).isEmpty();
    }

    @Test
    void nothingUsesTheSimulator() {
        assertThat(violations(s -> !s.module.equals("simulator"), i -> i.startsWith("org.faregate.simulator"))).isEmpty();
    }

    @Test
    void theContractDependsOnNoRole() {
        assertThat(violations(s -> s.module.equals("protocol"), i -> i.startsWith("org.faregate.validator")
                || i.startsWith("org.faregate.gateway") || i.startsWith("org.faregate.cluster"))).isEmpty();
    }

    @Test
    void decisionAndJournalCodeImportNoAdapterTechnology() {
        assertThat(violations(s -> s.path.contains("org/faregate/validator/decision/")
                        || s.path.contains("org/faregate/validator/journal/"),
                i -> i.startsWith("javax.smartcardio") || i.startsWith("com.google.zxing")
                        || i.startsWith("org.bouncycastle") || i.startsWith("java.net.http"))).isEmpty();
    }

    private interface Filter<T> {
        boolean test(T value);
    }

    private static List<String> violations(Filter<Source> where, Filter<String> forbidden) {
        List<String> found = new ArrayList<>();
        for (Source source : sources()) {
            if (!where.test(source)) {
                continue;
            }
            for (String imported : source.imports) {
                if (forbidden.test(imported)) {
                    found.add(source.path + " imports " + imported);
                }
            }
        }
        return found;
    }

    private static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.add(new Source(module.getFileName().toString(),
                                ROOT.relativize(file).toString().replace('\\', '/'), imports(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + ROOT, e);
        }
        return sources;
    }

    private static List<String> imports(Path file) throws IOException {
        List<String> imports = new ArrayList<>();
        Matcher matcher = IMPORT.matcher(Files.readString(file));
        while (matcher.find()) {
            imports.add(matcher.group(1));
        }
        return imports;
    }
}
