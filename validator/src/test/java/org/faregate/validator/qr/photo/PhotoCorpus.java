package org.faregate.validator.qr.photo;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.faregate.protocol.Bytes;
import org.faregate.validator.qr.ZxingQrCodec;

/**
 * A seeded corpus of camera frames of phone screens: photo {@code index} of a distortion at a strength is
 * always the same picture of the same random 223-byte payload (a QR presentation's size), whatever else is
 * generated before it, so tests can assert counts and runs can be compared.
 */
public final class PhotoCorpus {

    public static final int PAYLOAD_LENGTH = 223;
    /** Pixels a module in the symbol images the corpus is made from (ZXing's render or qrencode {@code -s 4}). */
    static final int SYMBOL_PIXELS_PER_MODULE = 4;

    private final long seed;
    private final Function<Bytes, BufferedImage> symbols;
    private final PhoneScreenPhotographer photographer = new PhoneScreenPhotographer();

    /** A corpus whose symbols the given function draws at {@link #SYMBOL_PIXELS_PER_MODULE}. */
    public PhotoCorpus(long seed, Function<Bytes, BufferedImage> symbols) {
        this.seed = seed;
        this.symbols = symbols;
    }

    /** A corpus of symbols drawn by ZXing ({@link ZxingQrCodec#render}). */
    public static PhotoCorpus zxingSymbols(long seed) {
        return new PhotoCorpus(seed, payload -> ZxingQrCodec.render(payload, SYMBOL_PIXELS_PER_MODULE));
    }

    public PhotoCase photo(Distortion distortion, int strength, int index) {
        Random random = new Random(Objects.hash(seed, distortion.ordinal(), strength, index));
        byte[] payload = new byte[PAYLOAD_LENGTH];
        random.nextBytes(payload);
        Shot shot = distortion.shot(strength, random);
        BufferedImage symbol = symbols.apply(Bytes.of(payload));
        BufferedImage frame = photographer.photograph(symbol, SYMBOL_PIXELS_PER_MODULE, shot, random);
        return new PhotoCase(distortion, strength, index, Bytes.of(payload), frame);
    }
}
