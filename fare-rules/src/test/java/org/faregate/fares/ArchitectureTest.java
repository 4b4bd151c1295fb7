package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** fare-rules is pure: JDK imports only, no clock, no default zone, no binary floating point. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\.now\\(|systemDefault\\(|\\bdouble\\b|\\bfloat\\b|\\bDouble\\b|\\bFloat\\b|System\\.(out|err)");

    @Test
    void mainSourcesImportOnlyTheJdk() throws IOException {
        List<String> foreign = new ArrayList<>();
        for (Path source : sources()) {
            Matcher imports = IMPORT.matcher(Files.readString(source));
            while (imports.find()) {
                String imported = imports.group(2);
                if (!imported.startsWith("java.") && !imported.startsWith("org.faregate.fares")) {
                    foreign.add(source.getFileName() + ": " + imported);
                }
            }
        }
        assertThat(foreign).isEmpty();
    }

    @Test
    void mainSourcesUseNoClockNoDefaultZoneNoFloatingPointAndNoConsole() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path source : sources()) {
            String text = Files.readString(source);
            if (isCli(source)) {
                // the command line may print; it must still use no clock, default zone or floating point
                text = text.replaceAll("System\\.(out|err)", "");
            }
            Matcher forbidden = FORBIDDEN.matcher(text);
            while (forbidden.find()) {
                offences.add(source.getFileName() + ": " + forbidden.group());
            }
        }
        assertThat(offences).isEmpty();
    }

    /** The one package allowed to touch the console (and files, which the import rule already allows). */
    private static boolean isCli(Path source) {
        return MAIN.relativize(source).toString().replace('\\', '/').startsWith("org/faregate/fares/cli/");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> sources = files.filter(path -> path.toString().endsWith(".java")).toList();
            assertThat(sources).as("main sources under " + MAIN.toAbsolutePath()).isNotEmpty();
            return sources;
        }
    }
}
