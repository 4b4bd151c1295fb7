package org.faregate.fares.gtfs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of fare_transfer_rules.txt. Directional: from the leg group of the leg before to the leg group of
 * the leg after. {@code transferCount} is present iff from = to; -1 means unlimited.
 */
public record FareTransferRule(int line, Optional<LegGroupId> fromLegGroup, Optional<LegGroupId> toLegGroup,
                               Optional<Integer> transferCount, Optional<Duration> durationLimit,
                               Optional<DurationLimitType> durationLimitType, FareTransferType fareTransferType,
                               Optional<FareProductId> fareProduct) {

    /** Which two validations {@code duration_limit} lies between: the first leg of the run's and the next leg's. */
    public enum DurationLimitType {
        DEPARTURE_TO_ARRIVAL, DEPARTURE_TO_DEPARTURE, ARRIVAL_TO_DEPARTURE, ARRIVAL_TO_ARRIVAL
    }

    /** 0 = A + AB, 1 = A + AB + B, 2 = AB. */
    public enum FareTransferType { FROM_LEG_PLUS_TRANSFER, FROM_LEG_PLUS_TRANSFER_PLUS_TO_LEG, TRANSFER_ONLY }

    public FareTransferRule {
        Objects.requireNonNull(fromLegGroup, "fromLegGroup");
        Objects.requireNonNull(toLegGroup, "toLegGroup");
        Objects.requireNonNull(transferCount, "transferCount");
        Objects.requireNonNull(durationLimit, "durationLimit");
        Objects.requireNonNull(durationLimitType, "durationLimitType");
        Objects.requireNonNull(fareTransferType, "fareTransferType");
        Objects.requireNonNull(fareProduct, "fareProduct");
        if (durationLimit.isPresent() != durationLimitType.isPresent()) {
            throw new IllegalArgumentException("duration_limit and duration_limit_type go together");
        }
        transferCount.ifPresent(count -> {
            if (count < -1 || count == 0) {
                throw new IllegalArgumentException("transfer_count must be -1 or positive, was " + count);
            }
        });
    }

    public String cite() {
        return "fare_transfer_rules.txt:" + line;
    }
}
