package org.faregate.gateway.credentials;

import java.time.Duration;
import java.util.Objects;
import org.faregate.protocol.MediaType;

/**
 * How long credentials last and how many offline presentations they allow, by media.
 * A {@code maxPresentations} of 0 means no limit.
 */
public record CredentialPolicy(Duration phoneValidity, int phoneMaxPresentations, Duration cardValidity,
                               int cardMaxPresentations) {

    public CredentialPolicy {
        requirePositive(phoneValidity, "phoneValidity");
        requirePositive(cardValidity, "cardValidity");
        requireLimit(phoneMaxPresentations, "phoneMaxPresentations");
        requireLimit(cardMaxPresentations, "cardMaxPresentations");
    }

    /** Phones: 30 days, 500 presentations; cards: 5 years, unlimited. */
    public static CredentialPolicy defaults() {
        return new CredentialPolicy(Duration.ofDays(30), 500, Duration.ofDays(5 * 365 + 1), 0);
    }

    public Duration validity(MediaType media) {
        return switch (media) {
            case PHONE -> phoneValidity;
            case CARD -> cardValidity;
        };
    }

    public int maxPresentations(MediaType media) {
        return switch (media) {
            case PHONE -> phoneMaxPresentations;
            case CARD -> cardMaxPresentations;
        };
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    private static void requireLimit(int limit, String name) {
        if (limit < 0 || limit > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be 0..65535: " + limit);
        }
    }
}
