package org.faregate.validator.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faregate.protocol.Bytes;
import org.faregate.validator.qr.photo.Distortion;
import org.faregate.validator.qr.photo.PhotoCase;
import org.faregate.validator.qr.photo.PhotoCorpus;
import org.faregate.validator.qr.photo.ReferenceTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A sample of the photo corpus made from qrencode's symbols, read by ZXing and by zbarimg: whatever either
 * reader returns must be the payload in the code (a wrong payload is worse than none). zbar's hits are a
 * reference printed beside ZXing's, not a bar to clear. Runs when qrencode and zbarimg are installed.
 */
@EnabledIf("org.faregate.validator.qr.photo.ReferenceTools#installed")
class ZbarCrossCheckTest {

    private static final long SEED = 7_2026_1125L;
    private static final int FRAMES = 2;

    private final ReferenceTools tools = new ReferenceTools();

    @AfterEach
    void removeFiles() {
        tools.close();
    }

    @Test
    void bothReadersReturnTheCodesPayloadOrNothing() {
        PhotoCorpus corpus = new PhotoCorpus(SEED, tools::qrencode);
        ZxingQrCodec zxing = new ZxingQrCodec();
        List<String> wrong = new ArrayList<>();
        int zxingHits = 0;
        int zbarHits = 0;
        int cleanReadByBoth = 0;
        int frames = 0;
        for (Distortion distortion : Distortion.values()) {
            for (int i = 0; i < FRAMES; i++) {
                PhotoCase photo = corpus.photo(distortion, distortion.strengths()[0], i);
                Optional<Bytes> byZxing = zxing.decode(photo.frame());
                Optional<Bytes> byZbar = tools.zbarimg(photo.frame());
                byZxing.filter(p -> !p.equals(photo.payload())).ifPresent(p -> wrong.add("ZXing " + photo.name()));
                byZbar.filter(p -> !p.equals(photo.payload())).ifPresent(p -> wrong.add("zbarimg " + photo.name()));
                zxingHits += byZxing.isPresent() ? 1 : 0;
                zbarHits += byZbar.isPresent() ? 1 : 0;
                cleanReadByBoth += distortion == Distortion.CLEAN && byZxing.isPresent() && byZbar.isPresent() ? 1 : 0;
                frames++;
            }
        }
        System.out.printf("qrencode symbols, mildest strength of each distortion: ZXing %d, zbarimg %d of %d%n",
                zxingHits, zbarHits, frames);

        assertThat(wrong).as("frames read as another payload").isEmpty();
        assertThat(cleanReadByBoth).as("clean frames of qrencode's symbols read by both readers").isEqualTo(FRAMES);
        assertThat(zxingHits).as("frames ZXing read of %d (20 when measured)", frames).isGreaterThanOrEqualTo(18);
    }
}
