package org.faregate.fares;

import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads fare rules from a small {@code key=value} text. Blank lines and {@code #} comments are
 * ignored; keys and values are trimmed; amounts are decimals with the currency's ISO 4217 digits.
 * <pre>
 * currency=CNY
 * type=zone                # or flat
 * fare=2.00                # flat only: the fare of every entry and board tap
 * category.child=50        # whole-percent discount for a rider category (flat and zone)
 * zone.S01=1               # zone only: the zone (1 or more) of a station
 * zone_fare.1=3.00         # zone only: fare of a journey spanning 1 zone; rows 1..n without gaps
 * max_journey_minutes=180  # zone only, default 180, at most 1440
 * </pre>
 * Every problem is collected, each naming its line and key, and thrown together.
 */
public final class FareConfig {

    private enum Type { FLAT, ZONE }

    private static final String CATEGORY = "category.";

    private FareConfig() {
    }

    /** The rules the text describes; throws with every problem found if it describes none. */
    public static FareRules parse(String text) throws FareConfigException {
        Objects.requireNonNull(text, "text");
        ConfigReader reader = new ConfigReader();
        Map<String, ConfigEntry> entries = ConfigText.read(text, reader);
        Optional<Currency> currency = currency(entries.get("currency"), reader);
        Optional<Type> type = type(entries.get("type"), reader);
        Map<String, Integer> discounts = new HashMap<>();
        Optional<Money> fare = Optional.empty();
        ZoneConfig zone = new ZoneConfig();
        for (ConfigEntry entry : entries.values()) {
            if (entry.key().equals("currency") || entry.key().equals("type")) {
                continue;
            }
            if (entry.key().equals("fare")) {
                requireType(entry, Type.FLAT, type, reader);
                fare = reader.fare(entry, currency);
            } else if (entry.key().startsWith(CATEGORY)) {
                readCategory(entry, discounts, reader);
            } else if (zone.read(entry, currency, reader)) {
                requireType(entry, Type.ZONE, type, reader);
            } else {
                reader.problem(entry, "unknown_key", "unknown key; expected currency, type, fare, category.<name>,"
                        + " zone.<station>, zone_fare.<zones> or max_journey_minutes");
            }
        }
        if (type.equals(Optional.of(Type.FLAT)) && !entries.containsKey("fare")) {
            reader.missing("fare", "type=flat needs fare=<amount>");
        }
        if (type.equals(Optional.of(Type.ZONE))) {
            zone.checkComplete(reader);
        }
        reader.throwIfAny();
        return switch (type.orElseThrow()) {
            case FLAT -> FlatFare.withDiscounts(fare.orElseThrow(), discounts);
            case ZONE -> zone.build(currency.orElseThrow(), discounts);
        };
    }

    private static Optional<Currency> currency(ConfigEntry entry, ConfigReader reader) {
        if (entry == null) {
            reader.missing("currency", "currency=<ISO 4217 code> is required");
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(entry.value()));
        } catch (IllegalArgumentException e) {
            reader.problem(entry, "bad_currency", "'" + entry.value() + "' is not an ISO 4217 currency code");
            return Optional.empty();
        }
    }

    private static Optional<Type> type(ConfigEntry entry, ConfigReader reader) {
        if (entry == null) {
            reader.missing("type", "type=flat or type=zone is required");
            return Optional.empty();
        }
        return switch (entry.value()) {
            case "flat" -> Optional.of(Type.FLAT);
            case "zone" -> Optional.of(Type.ZONE);
            default -> {
                reader.problem(entry, "bad_type", "'" + entry.value() + "' is not a fare type; expected flat or zone");
                yield Optional.empty();
            }
        };
    }

    private static void readCategory(ConfigEntry entry, Map<String, Integer> discounts, ConfigReader reader) {
        String category = entry.suffix(CATEGORY).trim();
        if (category.isEmpty()) {
            reader.problem(entry, "bad_key", "rider category missing after 'category.'");
        }
        reader.integer(entry, 0, 100).ifPresent(percent -> {
            if (discounts.putIfAbsent(category, percent) != null) {
                reader.problem(entry, "duplicate_key", "rider category '" + category + "' is already set");
            }
        });
    }

    private static void requireType(ConfigEntry entry, Type expected, Optional<Type> type, ConfigReader reader) {
        if (type.isPresent() && type.get() != expected) {
            reader.problem(entry, "not_for_type", "only for type=" + expected.name().toLowerCase(Locale.ROOT)
                    + ", this config is type=" + type.get().name().toLowerCase(Locale.ROOT));
        }
    }
}
