package org.faregate.fares;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every {@link TapEvent#ENTRY} and {@link TapEvent#BOARD} tap costs a fixed fare; an
 * {@link TapEvent#EXIT} costs zero. A rider category listed in {@code categoryFares} pays its own
 * fare; any other category pays the default {@code fare}. Knows every station.
 *
 * @param fare          the default fare; not negative
 * @param categoryFares fare per rider category, same currency as {@code fare}; not negative
 */
public record FlatFare(Money fare, Map<String, Money> categoryFares) implements FareRules {

    public FlatFare {
        requireFare(fare, fare, "fare");
        categoryFares = Map.copyOf(categoryFares);
        for (Map.Entry<String, Money> entry : categoryFares.entrySet()) {
            FareTap.requireNonBlank(entry.getKey(), "category");
            requireFare(entry.getValue(), fare, "fare for category '" + entry.getKey() + "'");
        }
    }

    /** One fare for everyone. */
    public static FlatFare of(Money fare) {
        return new FlatFare(fare, Map.of());
    }

    /**
     * The default fare with a whole-percent discount (0..100) per rider category, rounded half up
     * to the minor unit (see {@link PercentDiscount}).
     */
    public static FlatFare withDiscounts(Money fare, Map<String, Integer> discountPercent) {
        Map<String, Money> categoryFares = new HashMap<>();
        discountPercent.forEach((category, percent) ->
                categoryFares.put(category, new PercentDiscount(percent).applyTo(fare)));
        return new FlatFare(fare, categoryFares);
    }

    @Override
    public List<FareCharge> price(List<FareTap> taps) {
        List<FareCharge> charges = new ArrayList<>();
        for (FareTap tap : TapOrder.chronological(taps)) {
            charges.add(switch (tap.event()) {
                case ENTRY, BOARD -> charge(tap);
                case EXIT -> new FareCharge(tap.tapId(), Money.zero(currency()), "exit: flat fare paid at entry");
            });
        }
        return List.copyOf(charges);
    }

    @Override
    public Currency currency() {
        return fare.currency();
    }

    @Override
    public boolean knowsStation(String stationId) {
        return stationId != null && !stationId.isBlank();
    }

    /** Always empty: an entry pays the flat fare at once, whatever exit follows. */
    @Override
    public Optional<Duration> maxJourneyTime(FareTap entry) {
        Objects.requireNonNull(entry, "entry");
        return Optional.empty();
    }

    private FareCharge charge(FareTap tap) {
        Money categoryFare = categoryFares.get(tap.riderCategory());
        if (categoryFare == null) {
            return new FareCharge(tap.tapId(), fare, "flat fare: " + fare);
        }
        return new FareCharge(tap.tapId(), categoryFare,
                "flat fare (" + tap.riderCategory() + "): " + categoryFare);
    }

    private static void requireFare(Money amount, Money reference, String name) {
        Objects.requireNonNull(amount, name);
        if (!amount.currency().equals(reference.currency())) {
            throw new IllegalArgumentException(name + " is in " + amount.currency()
                    + ", expected " + reference.currency());
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + amount);
        }
    }
}
