package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.faregate.fares.Money;
import org.faregate.fares.charging.Cap;
import org.faregate.fares.charging.CapPeriod;
import org.faregate.fares.charging.CapScope;

/**
 * Reads {@code faregate_caps.txt}. The rows of one cap_id add rider categories, networks and areas to one
 * scope and must repeat its period, amount and currency ({@code conflicting_rows}).
 */
final class CapReader {

    static final String FILE = "faregate_caps.txt";
    private static final Map<String, CapPeriod> PERIODS = Arrays.stream(CapPeriod.values())
            .collect(Collectors.toMap(CapPeriod::code, period -> period));
    private static final List<String> SCOPE = List.of("rider_category_id", "network_id", "area_id");

    /** A cap being read: its first row's terms and, per scope column, the ids given and the first row leaving it empty. */
    private static final class Draft {
        final int line;
        final CapPeriod period;
        final Money amount;
        final Map<String, Set<String>> ids = new TreeMap<>();
        final Map<String, Integer> firstEmpty = new TreeMap<>();

        Draft(int line, CapPeriod period, Money amount) {
            this.line = line;
            this.period = period;
            this.amount = amount;
            SCOPE.forEach(column -> ids.put(column, new HashSet<>()));
        }
    }

    private final FeedFiles files;
    private final Notices notices;
    private final ExtensionUses uses;

    CapReader(FeedFiles files, Notices notices, ExtensionUses uses) {
        this.files = files;
        this.notices = notices;
        this.uses = uses;
    }

    List<Cap> read() {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        files.table(FILE, false, List.of("cap_id", "period", "amount", "currency"), SCOPE).ifPresent(table -> {
            for (CsvTable.Row row : table.rows()) {
                Fields f = new Fields(row, notices);
                String id = f.required("cap_id");
                Optional<CapPeriod> period = f.oneOf("period", PERIODS);
                Optional<Currency> currency = f.currency("currency");
                Optional<Money> amount = f.nonNegativeAmount("amount", currency);
                if (!f.ok()) {
                    continue;
                }
                Draft draft = drafts.computeIfAbsent(id, k -> new Draft(f.line(), period.get(), amount.get()));
                if (agrees(f, id, draft, period.get(), amount.get())) {
                    addScope(f, draft);
                    uses.currency(f, currency.get());
                }
            }
        });
        List<Cap> caps = new ArrayList<>();
        drafts.forEach((id, draft) -> {
            warnMixedScope(id, draft);
            caps.add(new Cap(id, draft.period, draft.amount, new CapScope(draft.ids.get("rider_category_id"),
                    draft.ids.get("network_id"), draft.ids.get("area_id"))));
        });
        return caps;
    }

    private static boolean agrees(Fields f, String id, Draft draft, CapPeriod period, Money amount) {
        String where = "cap " + id + " is %s on line " + draft.line + ", here %s";
        if (period != draft.period) {
            f.problem(NoticeCode.CONFLICTING_ROWS, "period", String.format(where, draft.period.code(), period.code()));
        } else if (!amount.currency().equals(draft.amount.currency())) {
            f.problem(NoticeCode.CONFLICTING_ROWS, "currency", String.format(where, draft.amount.currency(), amount.currency()));
        } else if (!amount.equals(draft.amount)) {
            f.problem(NoticeCode.CONFLICTING_ROWS, "amount", String.format(where, draft.amount.toDecimalString(),
                    amount.toDecimalString()));
        }
        return f.ok();
    }

    private void addScope(Fields f, Draft draft) {
        for (String column : SCOPE) {
            Optional<String> value = f.optional(column);
            if (value.isEmpty()) {
                draft.firstEmpty.putIfAbsent(column, f.line());
                continue;
            }
            draft.ids.get(column).add(value.get());
            switch (column) {
                case "rider_category_id" -> uses.riderCategory(f, column, value.get());
                case "network_id" -> uses.network(f, column, value.get());
                default -> uses.area(f, column, value.get());
            }
        }
    }

    /** A column empty ("any") on one row but set on another: the ids given win, which may surprise. */
    private void warnMixedScope(String id, Draft draft) {
        draft.firstEmpty.forEach((column, line) -> {
            if (!draft.ids.get(column).isEmpty()) {
                notices.add(NoticeCode.MIXED_CAP_SCOPE, FILE, line, column, "empty here but set on another row of cap "
                        + id + ": the cap applies only to " + draft.ids.get(column).stream().sorted().toList());
            }
        });
    }
}
