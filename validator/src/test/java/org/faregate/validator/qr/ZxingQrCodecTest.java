package org.faregate.validator.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.token.QrPresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZxingQrCodecTest {

    private final ZxingQrCodec codec = new ZxingQrCodec();

    /** A payload the size of a QR presentation holding every byte value, so no mode but byte mode fits. */
    private static Bytes binaryPayload() {
        byte[] bytes = new byte[QrPresentation.LENGTH];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        new Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0x00;
        bytes[1] = (byte) 0xFF;
        bytes[2] = (byte) 0x80;
        return Bytes.of(bytes);
    }

    private static BufferedImage inverted(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x, y, ~image.getRGB(x, y) | 0xFF000000);
            }
        }
        return out;
    }

    @Test
    void renderedCodeDecodesToTheSameBytes() {
        Bytes payload = binaryPayload();

        assertThat(codec.decode(ZxingQrCodec.render(payload, 4))).contains(payload);
    }

    @Test
    void invertedCodeAsOnADarkModePhoneDecodesToo() {
        Bytes payload = binaryPayload();

        assertThat(codec.decode(inverted(ZxingQrCodec.render(payload, 3)))).contains(payload);
    }

    @Test
    void pngFileRoundTrip(@TempDir Path dir) throws Exception {
        Bytes payload = binaryPayload();
        Path file = dir.resolve("code.png");
        ImageIO.write(ZxingQrCodec.render(payload, 5), "png", file.toFile());

        assertThat(codec.decode(file)).isEqualTo(payload);
    }

    @Test
    void pictureWithoutACodeIsEmpty() {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);

        assertThat(codec.decode(blank)).isEmpty();
    }

    @Test
    void fileThatIsNotAnImageNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "not a picture");

        assertThatThrownBy(() -> codec.decode(file)).isInstanceOf(QrImageException.class)
                .hasMessageContaining("notes.png");
    }
}
