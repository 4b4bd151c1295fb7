package org.faregate.fares;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The chronological order every {@link FareRules} prices in: by time, then tap id. */
final class TapOrder {

    static final Comparator<FareTap> CHRONOLOGICAL =
            Comparator.comparing(FareTap::at).thenComparing(FareTap::tapId);

    private TapOrder() {
    }

    /** A sorted copy; throws if a tap is null or two taps share an id. */
    static List<FareTap> chronological(List<FareTap> taps) {
        Objects.requireNonNull(taps, "taps");
        Set<String> seen = new HashSet<>();
        for (FareTap tap : taps) {
            Objects.requireNonNull(tap, "tap");
            if (!seen.add(tap.tapId())) {
                throw new IllegalArgumentException("duplicate tap id '" + tap.tapId() + "'");
            }
        }
        List<FareTap> sorted = new ArrayList<>(taps);
        sorted.sort(CHRONOLOGICAL);
        return sorted;
    }
}
