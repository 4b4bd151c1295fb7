package org.faregate.validator.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.faregate.protocol.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the reference tools when installed ({@code apt-get install zbar-tools qrencode}); skipped otherwise. */
class QrInteroperabilityTest {

    private static final Path ZBARIMG = Path.of("/usr/bin/zbarimg");
    private static final Path QRENCODE = Path.of("/usr/bin/qrencode");

    @TempDir
    Path dir;

    private static Bytes payload() {
        byte[] bytes = new byte[223];
        new Random(7).nextBytes(bytes);
        return Bytes.of(bytes);
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(directory.resolve("tool.log").toFile()).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as(Files.readString(directory.resolve("tool.log"))).isZero();
    }

    @Test
    void zbarReadsOurCodeAsTheSameBytesSoNoEciHeaderWasWritten() throws Exception {
        assumeTrue(Files.isExecutable(ZBARIMG), "zbarimg not installed");
        Bytes payload = payload();
        ImageIO.write(ZxingQrCodec.render(payload, 4), "png", dir.resolve("code.png").toFile());

        Process process = new ProcessBuilder(ZBARIMG.toString(), "--nodbus", "--raw", "-q", "-Sbinary", "code.png")
                .directory(dir.toFile()).redirectOutput(dir.resolve("out.bin").toFile()).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readAllBytes(dir.resolve("out.bin"))).isEqualTo(payload.toArray());
    }

    @Test
    void weReadACodeMadeByQrencode() throws Exception {
        assumeTrue(Files.isExecutable(QRENCODE), "qrencode not installed");
        Bytes payload = payload();
        Files.write(dir.resolve("in.bin"), payload.toArray());

        run(dir, QRENCODE.toString(), "-8", "-l", "M", "-r", "in.bin", "-o", "code.png");

        assertThat(new ZxingQrCodec().decode(dir.resolve("code.png"))).isEqualTo(payload);
    }
}
