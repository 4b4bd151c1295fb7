package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the extension files refer to in the GTFS files (networks, areas, rider categories, stops) and
 * every currency they use, for the checks across files once everything is read.
 */
final class ExtensionUses {

    private record CurrencyUse(String file, int line, Currency currency) {
    }

    private final List<Reference> references = new ArrayList<>();
    private final List<CurrencyUse> currencies = new ArrayList<>();

    void network(Fields fields, String field, String id) {
        references.add(new Reference(fields, field, NetworkId.of(id), "networks.txt"));
    }

    void area(Fields fields, String field, String id) {
        references.add(new Reference(fields, field, AreaId.of(id), "areas.txt"));
    }

    void riderCategory(Fields fields, String field, String id) {
        references.add(new Reference(fields, field, RiderCategoryId.of(id), "rider_categories.txt"));
    }

    void stop(Fields fields, String field, String id) {
        references.add(new Reference(fields, field, StopId.of(id), "stops.txt"));
    }

    void currency(Fields fields, Currency currency) {
        currencies.add(new CurrencyUse(fields.file(), fields.line(), currency));
    }

    /** Every amount of the extension files is in the currency of the first one (files in load order). */
    void checkOneCurrency(Notices notices) {
        if (currencies.isEmpty()) {
            return;
        }
        CurrencyUse first = currencies.get(0);
        for (CurrencyUse use : currencies) {
            if (!use.currency().equals(first.currency())) {
                notices.add(NoticeCode.MIXED_CURRENCIES, use.file(), use.line(), "currency", use.currency()
                        + " differs from " + first.currency() + " (" + first.file() + ":" + first.line() + ")");
            }
        }
    }

    /**
     * The GTFS feed defines every network, area, rider category and stop the extensions name, and its fare
     * products (if any) use the extensions' currency.
     */
    void checkAgainst(FaresFeed feed, Notices notices) {
        Map<String, Set<?>> defined = new HashMap<>();
        defined.put("networks.txt", feed.networks());
        defined.put("areas.txt", feed.areas());
        defined.put("rider_categories.txt", feed.riderCategories().keySet());
        defined.put("stops.txt", feed.stops().keySet());
        for (Reference reference : references) {
            if (!defined.get(reference.target()).contains(reference.value())) {
                notices.add(NoticeCode.FOREIGN_KEY_VIOLATION, reference.file(), reference.line(), reference.field(),
                        "'" + reference.value() + "' is not defined in " + reference.target());
            }
        }
        Set<Currency> productCurrencies = new HashSet<>();
        feed.fareProducts().values().forEach(rows -> rows.forEach(p -> productCurrencies.add(p.amount().currency())));
        if (!productCurrencies.isEmpty() && !currencies.isEmpty()
                && !productCurrencies.contains(currencies.get(0).currency())) {
            CurrencyUse first = currencies.get(0);
            notices.add(NoticeCode.MIXED_CURRENCIES, first.file(), first.line(), "currency", first.currency()
                    + " is not a currency of fare_products.txt " + productCurrencies.stream().map(Currency::getCurrencyCode)
                    .sorted().toList());
        }
    }
}
