package org.faregate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the boundaries: Hazelcast stays in its module; Vert.x stays at the edge (routes, http, wiring, and
 * {@code auth.Caller}, which reads the actor the access guard put in the routing context).
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/faregate/gateway");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    private static boolean isEdge(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("Routes.java") || file.startsWith(SOURCES.resolve("http"))
                || name.equals("Gateway.java") || file.equals(SOURCES.resolve("auth/Caller.java"));
    }

    @Test
    void noGatewayClassImportsHazelcast() throws IOException {
        for (Path file : sources()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import com.hazelcast");
        }
    }

    @Test
    void onlyRoutesHttpAndTheCompositionRootImportVertx() throws IOException {
        assertThat(sources()).hasSizeGreaterThan(20);
        for (Path file : sources()) {
            if (!isEdge(file)) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import io.vertx");
            }
        }
    }

    @Test
    void noClassIsLongerThanFourHundredLines() throws IOException {
        for (Path file : sources()) {
            assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(400);
        }
    }

    @Test
    void nothingReadsTheSystemTimeZoneOrClock() throws IOException {
        for (Path file : sources()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("ZoneId.systemDefault()", "Instant.now()", "System.currentTimeMillis()");
        }
    }
}
