package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.Money;

/** Loads the adopted GTFS-Fares v2 files into records, collecting the keys they reference. */
final class FareLoader {

    final Map<FareMediaId, FareMedia> media = new HashMap<>();
    final Map<RiderCategoryId, RiderCategory> categories = new HashMap<>();
    final Map<FareProductId, List<FareProduct>> products = new HashMap<>();
    final List<FareLegRule> legRules = new ArrayList<>();
    final List<FareLegJoinRule> joinRules = new ArrayList<>();
    final List<FareTransferRule> transferRules = new ArrayList<>();
    final Map<TimeframeGroupId, List<Timeframe>> timeframes = new HashMap<>();
    final List<Reference> references = new ArrayList<>();
    /** Product ids named by any row, even a row left out for a bad value: no cascade of foreign key errors. */
    final java.util.Set<FareProductId> namedProducts = new java.util.HashSet<>();
    boolean rulePriorityColumn;

    private final FeedFiles files;
    private final Notices notices;

    FareLoader(FeedFiles files, Notices notices) {
        this.files = files;
        this.notices = notices;
    }

    void load() {
        fareMedia();
        riderCategories();
        fareProducts();
        legRules();
        joinRules();
        new TransferRuleLoader(files, notices, transferRules, references).load();
        timeframes();
    }

    private void fareMedia() {
        files.table("fare_media.txt", false, List.of("fare_media_id", "fare_media_type"), List.of("fare_media_name"))
                .ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        FareMediaId id = FareMediaId.of(f.required("fare_media_id"));
                        f.required("fare_media_type");
                        Optional<Integer> type = f.enumValue("fare_media_type", 4);
                        if (f.ok() && keys.firstTime(f, "fare_media_id", id)) {
                            media.put(id, new FareMedia(id, f.optional("fare_media_name").orElse(""), type.orElseThrow()));
                        }
                    }
                });
    }

    private void riderCategories() {
        files.table("rider_categories.txt", false, List.of("rider_category_id", "rider_category_name"),
                List.of("is_default_fare_category", "eligibility_url")).ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        RiderCategoryId id = RiderCategoryId.of(f.required("rider_category_id"));
                        String name = f.required("rider_category_name");
                        boolean isDefault = f.enumValue("is_default_fare_category", 1).orElse(0) == 1;
                        if (f.ok() && keys.firstTime(f, "rider_category_id", id)) {
                            categories.put(id, new RiderCategory(id, name, isDefault));
                        }
                    }
                });
    }

    private void fareProducts() {
        files.table("fare_products.txt", true, List.of("fare_product_id", "amount", "currency"),
                List.of("fare_product_name", "rider_category_id", "fare_media_id")).ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        FareProductId id = FareProductId.of(f.required("fare_product_id"));
                        namedProducts.add(id);
                        Optional<RiderCategoryId> category = f.optionalId("rider_category_id", RiderCategoryId::of);
                        Optional<FareMediaId> fareMedia = f.optionalId("fare_media_id", FareMediaId::of);
                        Optional<Currency> currency = f.currency("currency");
                        Optional<Money> amount = f.amount("amount", currency);
                        if (f.ok() && keys.firstTime(f, "fare_product_id", List.of(id, category, fareMedia))) {
                            products.computeIfAbsent(id, k -> new ArrayList<>()).add(new FareProduct(id,
                                    f.optional("fare_product_name").orElse(""), category, fareMedia,
                                    amount.orElseThrow(), f.line()));
                            category.ifPresent(c -> references.add(new Reference(f, "rider_category_id", c,
                                    "rider_categories.txt")));
                            fareMedia.ifPresent(m -> references.add(new Reference(f, "fare_media_id", m, "fare_media.txt")));
                        }
                    }
                });
    }

    private void legRules() {
        files.table("fare_leg_rules.txt", true, List.of("fare_product_id"), List.of("leg_group_id", "network_id",
                "from_area_id", "to_area_id", "from_timeframe_group_id", "to_timeframe_group_id", "rule_priority"))
                .ifPresent(table -> {
                    rulePriorityColumn = table.hasColumn("rule_priority");
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        FareLegRule rule = new FareLegRule(f.line(), f.optionalId("leg_group_id", LegGroupId::of),
                                f.optionalId("network_id", NetworkId::of), f.optionalId("from_area_id", AreaId::of),
                                f.optionalId("to_area_id", AreaId::of),
                                f.optionalId("from_timeframe_group_id", TimeframeGroupId::of),
                                f.optionalId("to_timeframe_group_id", TimeframeGroupId::of),
                                FareProductId.of(f.required("fare_product_id")),
                                f.integer("rule_priority", 0, Integer.MAX_VALUE).orElse(0));
                        List<Object> key = List.of(rule.network(), rule.fromArea(), rule.toArea(),
                                rule.fromTimeframe(), rule.toTimeframe(), rule.product());
                        if (f.ok() && keys.firstTime(f, "fare_product_id", key)) {
                            legRules.add(rule);
                            references.add(new Reference(f, "fare_product_id", rule.product(), "fare_products.txt"));
                            rule.network().ifPresent(n -> references.add(new Reference(f, "network_id", n, "networks.txt")));
                            rule.fromArea().ifPresent(a -> references.add(new Reference(f, "from_area_id", a, "areas.txt")));
                            rule.toArea().ifPresent(a -> references.add(new Reference(f, "to_area_id", a, "areas.txt")));
                            rule.fromTimeframe().ifPresent(t -> references.add(
                                    new Reference(f, "from_timeframe_group_id", t, "timeframes.txt")));
                            rule.toTimeframe().ifPresent(t -> references.add(
                                    new Reference(f, "to_timeframe_group_id", t, "timeframes.txt")));
                        }
                    }
                });
    }

    private void joinRules() {
        files.table("fare_leg_join_rules.txt", false, List.of("from_network_id", "to_network_id"),
                List.of("from_stop_id", "to_stop_id")).ifPresent(table -> {
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        FareLegJoinRule rule = new FareLegJoinRule(f.line(), NetworkId.of(f.required("from_network_id")),
                                NetworkId.of(f.required("to_network_id")), f.optionalId("from_stop_id", StopId::of),
                                f.optionalId("to_stop_id", StopId::of));
                        if (rule.fromStop().isPresent() != rule.toStop().isPresent()) {
                            f.problem(NoticeCode.MISSING_REQUIRED_FIELD, rule.fromStop().isPresent() ? "to_stop_id"
                                    : "from_stop_id", "from_stop_id and to_stop_id go together");
                        }
                        if (f.ok()) {
                            joinRules.add(rule);
                            references.add(new Reference(f, "from_network_id", rule.fromNetwork(), "networks.txt"));
                            references.add(new Reference(f, "to_network_id", rule.toNetwork(), "networks.txt"));
                            rule.fromStop().ifPresent(s -> references.add(new Reference(f, "from_stop_id", s, "stops.txt")));
                            rule.toStop().ifPresent(s -> references.add(new Reference(f, "to_stop_id", s, "stops.txt")));
                        }
                    }
                });
    }

    private void timeframes() {
        files.table("timeframes.txt", false, List.of("timeframe_group_id", "service_id"),
                List.of("start_time", "end_time")).ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        TimeframeGroupId group = TimeframeGroupId.of(f.required("timeframe_group_id"));
                        ServiceId service = ServiceId.of(f.required("service_id"));
                        Optional<Integer> start = f.time("start_time", 86_400);
                        Optional<Integer> end = f.time("end_time", 86_400);
                        if (f.ok() && f.optional("start_time").isPresent() != f.optional("end_time").isPresent()) {
                            f.problem(NoticeCode.TIMEFRAME_ONLY_START_OR_END_TIME_SPECIFIED,
                                    start.isPresent() ? "end_time" : "start_time", "start_time and end_time go together");
                        }
                        if (f.ok() && start.orElse(0) > end.orElse(86_400)) {
                            f.problem(NoticeCode.INVALID_TIME, "end_time", "end_time is before start_time");
                        }
                        if (f.ok() && keys.firstTime(f, "timeframe_group_id", List.of(group, start, end, service))) {
                            timeframes.computeIfAbsent(group, g -> new ArrayList<>())
                                    .add(new Timeframe(f.line(), group, start.orElse(0), end.orElse(86_400), service));
                            references.add(new Reference(f, "service_id", service, "calendar.txt"));
                        }
                    }
                });
    }
}
