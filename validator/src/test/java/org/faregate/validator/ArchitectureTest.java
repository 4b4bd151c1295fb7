package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the boundaries honest by reading the sources (run from the module directory, as Maven does). */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/faregate/validator");

    private static List<Path> sources(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void decisionCoreDoesNoIoNoLoggingAndReadsNoClock() throws IOException {
        List<String> forbidden = List.of("import java.io", "import java.nio", "import java.net", "import org.slf4j",
                "import javax.smartcardio", "import com.google.zxing", "import org.bouncycastle",
                "Instant.now(", "System.currentTimeMillis", "ZoneId.systemDefault", "Thread.sleep", "new Thread");
        for (Path source : sources(MAIN.resolve("decision"))) {
            String text = Files.readString(source);
            assertThat(forbidden).as(source.toString()).noneMatch(text::contains);
        }
    }

    @Test
    void smartcardioAndZxingStayInTheirAdapters() throws IOException {
        for (Path source : sources(MAIN)) {
            String text = Files.readString(source);
            String relative = MAIN.relativize(source).toString();
            if (!relative.startsWith("qr")) {
                assertThat(text).as(relative).doesNotContain("import com.google.zxing");
            }
            if (!relative.startsWith("card") && !relative.equals("Validator.java")) {
                assertThat(text).as(relative).doesNotContain("import javax.smartcardio");
            }
            assertThat(text).as(relative).doesNotContain("Instant.now(").doesNotContain("TerminalFactory.getDefault")
                    .doesNotContain("float ").doesNotContain("double ");
            if (!relative.equals("card/PcscTerminalSource.java")) {
                // One class picks the PC/SC provider; everything else is handed terminals.
                assertThat(text).as(relative).doesNotContain("TerminalFactory");
            }
        }
    }

    @Test
    void testsNeverSleep() throws IOException {
        for (Path source : sources(Path.of("src/test/java"))) {
            if (!source.endsWith("ArchitectureTest.java")) {
                assertThat(Files.readString(source)).as(source.toString()).doesNotContain("Thread.sleep");
            }
        }
    }
}
