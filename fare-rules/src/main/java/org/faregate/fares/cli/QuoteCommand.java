package org.faregate.fares.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.faregate.fares.FareCharge;
import org.faregate.fares.Money;
import org.faregate.fares.engine.EngineResult;
import org.faregate.fares.engine.FareEngine;
import org.faregate.fares.engine.FareEngineLoader;
import org.faregate.fares.gtfs.Notice;

/**
 * {@code fares quote DIR|ZIP TAPS.csv [--category ID] [--media ID]}: prices the taps of each account and
 * service day with the feed's engine and prints every tap's charge and explanation, each account's total
 * and the grand total. Exit 0 when priced, 1 when the feed or the taps have errors.
 */
final class QuoteCommand {

    private final PrintStream out;
    private final PrintStream err;

    QuoteCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Map<String, String> feedFiles, String tapsName, String tapsText, Optional<String> category,
            Optional<String> media) {
        EngineResult result = FareEngineLoader.load(feedFiles);
        if (result.engine().isEmpty()) {
            result.notices().stream().filter(Notice::isError).forEach(n -> err.println("error " + n));
            err.println("feed refused: no quote");
            return 1;
        }
        FareEngine engine = result.engine().get();
        String rider = category.or(engine::defaultRiderCategory).orElse("default");
        TapsCsv csv = new TapsCsv(tapsName, engine, rider, media);
        List<TapRow> rows = csv.read(tapsText);
        if (!csv.problems().isEmpty()) {
            csv.problems().forEach(problem -> err.println("error " + problem));
            return 1;
        }
        out.println("rider category " + rider + ", fare media " + media.orElse("any") + ", currency "
                + engine.currency().getCurrencyCode());
        Map<String, Map<LocalDate, List<TapRow>>> groups = new TreeMap<>();
        for (TapRow row : rows) {
            groups.computeIfAbsent(row.account(), account -> new TreeMap<>())
                    .computeIfAbsent(engine.serviceDayOf(row.tap().at()), day -> new ArrayList<>()).add(row);
        }
        Money grand = Money.zero(engine.currency());
        for (Map.Entry<String, Map<LocalDate, List<TapRow>>> account : groups.entrySet()) {
            Money total = Money.zero(engine.currency());
            String name = account.getKey().isEmpty() ? "(no account)" : account.getKey();
            for (Map.Entry<LocalDate, List<TapRow>> day : account.getValue().entrySet()) {
                out.println("account " + name + ", service day " + day.getKey());
                total = total.plus(printDay(engine, day.getValue()));
            }
            out.println("account " + name + " total " + total);
            grand = grand.plus(total);
        }
        out.println("grand total " + grand);
        return 0;
    }

    private Money printDay(FareEngine engine, List<TapRow> rows) {
        Map<String, TapRow> byTap = new HashMap<>();
        rows.forEach(row -> byTap.put(row.tap().tapId(), row));
        Money total = Money.zero(engine.currency());
        for (FareCharge charge : engine.price(rows.stream().map(TapRow::tap).toList())) {
            TapRow row = byTap.get(charge.tapId());
            out.println("  " + row.time() + " " + row.tap().event().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + row.tap().stationId() + row.tap().routeId().map(route -> " (route " + route + ")").orElse("")
                    + " [" + charge.tapId() + "]: " + charge.amount() + " -- " + charge.explanation());
            total = total.plus(charge.amount());
        }
        return total;
    }
}
