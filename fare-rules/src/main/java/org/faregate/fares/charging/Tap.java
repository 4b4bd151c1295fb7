package org.faregate.fares.charging;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.faregate.fares.TapEvent;

/**
 * One tap of an account, whatever credential (card, phone, QR) made it.
 *
 * @param tapId        unique within the account's taps
 * @param at           when the tap happened
 * @param stopId       station or stop of the tap
 * @param networkId    the station network (gated metro, bus network) the tap belongs to; an entry
 *                     pairs only with an exit of the same network
 * @param event        entry, exit or board
 * @param credentialId the token that tapped; kept for explanations, pairing ignores it
 */
public record Tap(String tapId, Instant at, String stopId, String networkId, TapEvent event, String credentialId) {

    /** The order every charging part works in: by time, then by tap id. */
    static final Comparator<Tap> CHRONOLOGICAL = Comparator.comparing(Tap::at).thenComparing(Tap::tapId);

    public Tap {
        Ids.requireNonBlank(tapId, "tapId");
        Objects.requireNonNull(at, "at");
        Ids.requireNonBlank(stopId, "stopId");
        Ids.requireNonBlank(networkId, "networkId");
        Objects.requireNonNull(event, "event");
        Ids.requireNonBlank(credentialId, "credentialId");
    }
}
