package org.faregate.validator.qr.photo;

import java.awt.image.BufferedImage;
import org.faregate.protocol.Bytes;

/** One corpus photo: what kind of trouble at which strength, the payload its code holds and the frame. */
public record PhotoCase(Distortion distortion, int strength, int index, Bytes payload, BufferedImage frame) {

    /** E.g. {@code GLARE/2#7}. */
    public String name() {
        return distortion + "/" + strength + "#" + index;
    }
}
