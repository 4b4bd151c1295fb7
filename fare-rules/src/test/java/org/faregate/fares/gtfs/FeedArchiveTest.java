package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FeedArchiveTest {

    @Test
    void filesComeBackByBaseNameAsText() throws Exception {
        byte[] zip = zip("feed/stops.txt", "stop_id\nS01\n", "feed/agency.txt", "agency_timezone\nAsia/Shanghai\n");
        assertThat(FeedArchive.unzip(zip)).containsOnlyKeys("stops.txt", "agency.txt")
                .containsEntry("stops.txt", "stop_id\nS01\n");
    }

    @Test
    void twoFilesWithTheSameNameAreRefusedNotMerged() throws Exception {
        byte[] zip = zip("a/stops.txt", "stop_id\nS01\n", "b/stops.txt", "stop_id\nS02\n");
        assertThatThrownBy(() -> FeedArchive.unzip(zip)).hasMessageContaining("two files named stops.txt");
    }

    @Test
    void bytesThatAreNoZipAreRefused() {
        assertThatThrownBy(() -> FeedArchive.unzip("currency=CNY\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedArchive.UnreadableArchiveException.class).hasMessageContaining("zip");
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("stops.txt"));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
            out.closeEntry();
        }
        assertThatThrownBy(() -> FeedArchive.unzip(bytes.toByteArray())).hasMessageContaining("stops.txt is not UTF-8");
    }

    static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndTexts[i]));
                out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
