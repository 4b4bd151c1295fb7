package org.faregate.protocol;

import java.util.Arrays;
import java.util.Optional;

/** What carries a credential. Phones present it as a QR code or over NFC (host card emulation). */
public enum MediaType {
    PHONE(1, "phone"),
    CARD(2, "card");

    private final int code;
    private final String id;

    MediaType(int code, String id) {
        this.code = code;
        this.id = id;
    }

    public int code() {
        return code;
    }

    public String id() {
        return id;
    }

    public static Optional<MediaType> findByCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }

    public static Optional<MediaType> findById(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
