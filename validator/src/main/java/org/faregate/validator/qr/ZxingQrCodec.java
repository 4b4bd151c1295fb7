package org.faregate.validator.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.faregate.protocol.Bytes;

/**
 * QR codes with ZXing. Decoding reads the binary payload from the byte segments (not the text, which
 * ZXing re-encodes) and makes a few {@link ReadAttempt}s in turn until one reads: the frame as it is first, so
 * a clean frame costs one read, then the views that rescue what the camera spoiled (see {@link #ATTEMPTS}).
 * Rendering writes the payload in byte mode at error correction M with no character-set hint, so no ECI
 * header is written.
 */
public final class ZxingQrCodec {

    /**
     * The attempts, in order, chosen by hit rate and time on the seeded photo corpus (PhotoCorpusReport in the
     * tests; docs/performance.md, "QR codes in photos of phone screens"). The first read takes nearly every
     * clean frame. The inverted read takes dark mode and the quarter turn the clean codes whose finder search
     * ZXing gets wrong; both are common, so they come before the rescues of rarer damage: the global-histogram
     * binarizer (low contrast, noise, dim dark mode: 373 to 444 of 680 frames), the half-size view (large
     * and rotated codes) and the level stretch (low contrast the global binarizer misses). TRY_HARDER stays:
     * without it the same frames read within one. Every added read costs time only on frames not yet read.
     */
    static final List<ReadAttempt> ATTEMPTS = List.of(
            ReadAttempt.hybrid(FrameView.ORIGINAL),
            ReadAttempt.hybrid(FrameView.INVERTED),
            ReadAttempt.hybrid(FrameView.QUARTER_TURN),
            ReadAttempt.globalHistogram(FrameView.ORIGINAL),
            ReadAttempt.globalHistogram(FrameView.INVERTED),
            ReadAttempt.hybrid(FrameView.HALF_SIZE),
            ReadAttempt.hybrid(FrameView.STRETCHED));

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    private static final Map<DecodeHintType, Object> TRY_HARDER_HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    private static final int QUIET_ZONE_MODULES = 4;
    private static final byte WHITE_GREY = (byte) 0xFF;
    private static final byte BLACK_GREY = 0;

    private final List<ReadAttempt> attempts;

    public ZxingQrCodec() {
        this(ATTEMPTS);
    }

    /** A codec making other attempts, for measuring them against {@link #ATTEMPTS}. */
    ZxingQrCodec(List<ReadAttempt> attempts) {
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("a decoder needs at least one read attempt");
        }
        this.attempts = List.copyOf(attempts);
    }

    /** The payload of the QR code in the picture, or empty when no QR code can be read in it. */
    public Optional<Bytes> decode(BufferedImage image) {
        LuminanceSource frame = new BufferedImageLuminanceSource(image);
        Map<FrameView, LuminanceSource> views = new EnumMap<>(FrameView.class);
        for (ReadAttempt attempt : attempts) {
            LuminanceSource view = views.computeIfAbsent(attempt.view(), v -> v.of(frame));
            Optional<Bytes> payload = read(view, attempt);
            if (payload.isPresent()) {
                return payload;
            }
        }
        return Optional.empty();
    }

    /** Reads a PNG, JPEG (or any format ImageIO knows) file and decodes the QR code in it. */
    public Bytes decode(Path imageFile) throws QrImageException {
        BufferedImage image;
        try {
            image = ImageIO.read(imageFile.toFile());
        } catch (IOException e) {
            throw new QrImageException("cannot read image " + imageFile + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new QrImageException("not an image format this gate reads: " + imageFile, null);
        }
        return decode(image).orElseThrow(() -> new QrImageException("no readable QR code in " + imageFile, null));
    }

    /** A QR code of {@code payload}, black on white with a 4-module quiet zone, level M. */
    public static BufferedImage render(Bytes payload, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixels per module must be positive: " + pixelsPerModule);
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(new String(payload.toArray(), StandardCharsets.ISO_8859_1),
                    BarcodeFormat.QR_CODE, 0, 0, Map.of(
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload of " + payload.length() + " bytes does not fit a QR code", e);
        }
        int modules = matrix.getWidth();
        int side = modules * pixelsPerModule;
        // Grey bytes written straight into the raster: setRGB on a binary image goes through its colour
        // model for every pixel, and was a third of the demo's CPU (riders' phones draw a code per tap).
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < side; y++) {
            int row = y * side;
            for (int x = 0; x < side; x++) {
                pixels[row + x] = matrix.get(x / pixelsPerModule, y / pixelsPerModule) ? BLACK_GREY : WHITE_GREY;
            }
        }
        return image;
    }

    private static Optional<Bytes> read(LuminanceSource source, ReadAttempt attempt) {
        Result result;
        try {
            result = new QRCodeReader().decode(new BinaryBitmap(attempt.binarizer(source)),
                    attempt.tryHarder() ? TRY_HARDER_HINTS : HINTS);
        } catch (ReaderException e) {
            return Optional.empty();
        }
        return Optional.of(payloadOf(result));
    }

    private static Bytes payloadOf(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object segments = metadata == null ? null : metadata.get(ResultMetadataType.BYTE_SEGMENTS);
        if (segments instanceof List<?> list && !list.isEmpty()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object segment : list) {
                byte[] bytes = (byte[]) segment;
                out.write(bytes, 0, bytes.length);
            }
            return Bytes.of(out.toByteArray());
        }
        // numeric or alphanumeric mode only (e.g. an "FG1:" text code): the text is the payload
        return Bytes.of(result.getText().getBytes(StandardCharsets.ISO_8859_1));
    }
}
