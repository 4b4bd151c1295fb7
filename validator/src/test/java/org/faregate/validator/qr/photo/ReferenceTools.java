package org.faregate.validator.qr.photo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.faregate.protocol.Bytes;

/**
 * The reference QR tools of DOMAIN.md §6, run as processes on files in a private temporary directory:
 * qrencode draws a symbol in byte mode at level M, zbarimg reads one back as raw binary.
 */
public final class ReferenceTools implements AutoCloseable {

    static final Path QRENCODE = Path.of("/usr/bin/qrencode");
    static final Path ZBARIMG = Path.of("/usr/bin/zbarimg");

    private final Path dir;

    public ReferenceTools() {
        try {
            dir = Files.createTempDirectory("qr-reference");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public static boolean installed() {
        return Files.isExecutable(QRENCODE) && Files.isExecutable(ZBARIMG);
    }

    /** qrencode's symbol of {@code payload}: byte mode, level M, 4 pixels a module, 4-module quiet zone. */
    public BufferedImage qrencode(Bytes payload) {
        try {
            Files.write(dir.resolve("in.bin"), payload.toArray());
            run(List.of(QRENCODE.toString(), "-8", "-l", "M", "-s", "4", "-m", "4", "-r", "in.bin", "-o", "code.png"));
            return ImageIO.read(dir.resolve("code.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("qrencode failed", e);
        }
    }

    /**
     * What zbarimg reads as raw binary in the frame; empty when it finds no code (it exits with 4 then). Only
     * its QR reader is enabled: with every symbology on, zbar found Interleaved 2 of 5 "barcodes" in sensor
     * noise and appended their digits to the QR payload in raw output (2 of 680 corpus frames).
     */
    public Optional<Bytes> zbarimg(BufferedImage frame) {
        try {
            ImageIO.write(frame, "png", dir.resolve("frame.png").toFile());
            byte[] out = run(List.of(ZBARIMG.toString(), "--nodbus", "--raw", "-q", "-Sbinary",
                    "-Sdisable", "-Sqrcode.enable", "frame.png"));
            return out.length == 0 ? Optional.empty() : Optional.of(Bytes.of(out));
        } catch (IOException e) {
            throw new UncheckedIOException("zbarimg failed", e);
        }
    }

    private byte[] run(List<String> command) throws IOException {
        Path out = dir.resolve("out.bin");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        }
        return Files.readAllBytes(out);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
