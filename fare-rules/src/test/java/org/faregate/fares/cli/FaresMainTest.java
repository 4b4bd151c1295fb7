package org.faregate.fares.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaresMainTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return FaresMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path translink() throws URISyntaxException {
        return Path.of(FaresMainTest.class.getResource("/gtfs/translink").toURI());
    }

    private Path copyOfTranslink() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("feed"));
        try (var files = Files.list(translink())) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName().toString()));
            }
        }
        return folder;
    }

    @Test
    void aValidFolderExitsZeroWithASummary() throws Exception {
        assertThat(run("validate", copyOfTranslink().toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 errors", "feed valid");
    }

    @Test
    void aFolderWithABadAmountExitsOneAndNamesFileLineAndField() throws Exception {
        Path folder = copyOfTranslink();
        Path products = folder.resolve("fare_products.txt");
        Files.writeString(products, Files.readString(products).replace("4.65", "4.655"));

        assertThat(run("validate", folder.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("error fare_products.txt:4 amount invalid_currency_amount", "1 errors", "feed refused");
    }

    @Test
    void aZipIsReadLikeAFolder() throws Exception {
        Path zip = temp.resolve("feed.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream stream = new ZipOutputStream(file);
             var files = Files.list(translink())) {
            for (Path path : files.toList()) {
                stream.putNextEntry(new ZipEntry("translink/" + path.getFileName()));
                stream.write(Files.readAllBytes(path));
                stream.closeEntry();
            }
        }

        assertThat(run("validate", zip.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("feed valid");
    }

    @Test
    void aWrongCommandLineExitsTwo() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(run("quote", "x")).isEqualTo(2);
        assertThat(run("validate", temp.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: fares validate DIR|ZIP");
    }
}
