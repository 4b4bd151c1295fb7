package org.faregate.validator.qr.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

class PhotoCorpusTest {

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void aPhotoIsTheSameWhateverWasGeneratedBeforeIt() {
        PhotoCorpus corpus = PhotoCorpus.zxingSymbols(11);
        PhotoCase first = corpus.photo(Distortion.NOISE, 2, 3);
        corpus.photo(Distortion.GLARE, 1, 0);

        PhotoCase again = PhotoCorpus.zxingSymbols(11).photo(Distortion.NOISE, 2, 3);

        assertThat(again.payload()).isEqualTo(first.payload());
        assertThat(pixels(again.frame())).isEqualTo(pixels(first.frame()));
    }

    @Test
    void photosAreCameraFramesOfDifferentPayloads() {
        PhotoCorpus corpus = PhotoCorpus.zxingSymbols(11);
        PhotoCase one = corpus.photo(Distortion.CLEAN, 0, 0);
        PhotoCase two = corpus.photo(Distortion.CLEAN, 0, 1);

        assertThat(one.frame().getWidth()).isEqualTo(640);
        assertThat(one.frame().getHeight()).isEqualTo(480);
        assertThat(one.frame().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(one.payload().length()).isEqualTo(PhotoCorpus.PAYLOAD_LENGTH);
        assertThat(two.payload()).isNotEqualTo(one.payload());
    }
}
