package org.faregate.validator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one sync with the gateway did.
 *
 * @param delivered       taps the gateway acknowledged in this sync
 * @param pending         taps still waiting for an acknowledgement
 * @param denyListVersion the gate's deny-list version after the sync
 * @param issuerKeys      how many issuer keys the gate trusts after the sync
 * @param failures        what went wrong (empty when every step succeeded); the gate keeps working offline
 * @param clockDrift      the gateway's clock minus the gate's, as last measured (empty before a measurement)
 */
public record SyncReport(int delivered, int pending, long denyListVersion, int issuerKeys, List<String> failures,
                         Optional<Duration> clockDrift) {

    public SyncReport {
        failures = List.copyOf(failures);
        clockDrift = clockDrift == null ? Optional.empty() : clockDrift;
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
