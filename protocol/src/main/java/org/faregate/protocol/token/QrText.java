package org.faregate.protocol.token;

import java.util.Base64;
import org.faregate.protocol.Bytes;

/**
 * The text form of a QR payload, for scanners that deliver a text line (keyboard wedge, serial):
 * {@code FG1:} followed by the payload in unpadded base64url.
 */
public final class QrText {

    public static final String PREFIX = "FG1:";

    private QrText() {
    }

    public static String encode(Bytes payload) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toArray());
    }

    public static Bytes decode(String line) throws MalformedTokenException {
        String text = line.strip();
        if (!text.startsWith(PREFIX)) {
            throw new MalformedTokenException(0, "scanner text does not start with " + PREFIX);
        }
        try {
            return Bytes.of(Base64.getUrlDecoder().decode(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException(PREFIX.length(), "scanner text is not base64url: " + e.getMessage());
        }
    }
}
