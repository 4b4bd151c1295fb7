package org.faregate.fares.gtfs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.faregate.fares.gtfs.FareTransferRule.DurationLimitType;
import org.faregate.fares.gtfs.FareTransferRule.FareTransferType;

/** Loads fare_transfer_rules.txt with its conditional fields (transfer_count iff from = to; limit with type). */
final class TransferRuleLoader {

    private final FeedFiles files;
    private final Notices notices;
    private final List<FareTransferRule> rules;
    private final List<Reference> references;

    TransferRuleLoader(FeedFiles files, Notices notices, List<FareTransferRule> rules, List<Reference> references) {
        this.files = files;
        this.notices = notices;
        this.rules = rules;
        this.references = references;
    }

    void load() {
        files.table("fare_transfer_rules.txt", false, List.of("fare_transfer_type"), List.of("from_leg_group_id",
                "to_leg_group_id", "transfer_count", "duration_limit", "duration_limit_type", "fare_product_id"))
                .ifPresent(table -> {
                    FeedFiles.Keys keys = new FeedFiles.Keys();
                    for (CsvTable.Row row : table.rows()) {
                        Fields f = new Fields(row, notices);
                        Optional<FareTransferRule> rule = read(f);
                        if (rule.isPresent() && f.ok() && keys.firstTime(f, "fare_product_id", List.of(
                                rule.get().fromLegGroup(), rule.get().toLegGroup(), rule.get().fareProduct(),
                                rule.get().transferCount(), rule.get().durationLimit()))) {
                            rules.add(rule.get());
                            remember(f, rule.get());
                        }
                    }
                });
    }

    private Optional<FareTransferRule> read(Fields f) {
        Optional<LegGroupId> from = f.optionalId("from_leg_group_id", LegGroupId::of);
        Optional<LegGroupId> to = f.optionalId("to_leg_group_id", LegGroupId::of);
        Optional<Integer> count = f.integer("transfer_count", -1, Integer.MAX_VALUE);
        Optional<Integer> limit = f.integer("duration_limit", 1, Integer.MAX_VALUE);
        Optional<Integer> limitType = f.enumValue("duration_limit_type", 3);
        f.required("fare_transfer_type");
        Optional<Integer> type = f.enumValue("fare_transfer_type", 2);
        Optional<FareProductId> product = f.optionalId("fare_product_id", FareProductId::of);
        boolean sameGroup = from.isPresent() && from.equals(to);
        if (sameGroup && f.optional("transfer_count").isEmpty()) {
            f.problem(NoticeCode.FARE_TRANSFER_RULE_MISSING_TRANSFER_COUNT, "transfer_count",
                    "required when from_leg_group_id equals to_leg_group_id");
        } else if (!sameGroup && f.optional("transfer_count").isPresent()) {
            f.problem(NoticeCode.FARE_TRANSFER_RULE_WITH_FORBIDDEN_TRANSFER_COUNT, "transfer_count",
                    "forbidden unless from_leg_group_id equals to_leg_group_id");
        }
        if (count.isPresent() && count.get() == 0) {
            f.problem(NoticeCode.FARE_TRANSFER_RULE_INVALID_TRANSFER_COUNT, "transfer_count", "must be -1 or at least 1");
        }
        if (f.optional("duration_limit").isPresent() && f.optional("duration_limit_type").isEmpty()) {
            f.problem(NoticeCode.FARE_TRANSFER_RULE_DURATION_LIMIT_WITHOUT_TYPE, "duration_limit_type",
                    "required when duration_limit is set");
        } else if (f.optional("duration_limit").isEmpty() && f.optional("duration_limit_type").isPresent()) {
            f.problem(NoticeCode.FARE_TRANSFER_RULE_DURATION_LIMIT_TYPE_WITHOUT_DURATION_LIMIT, "duration_limit_type",
                    "forbidden when duration_limit is empty");
        }
        if (!f.ok()) {
            return Optional.empty();
        }
        return Optional.of(new FareTransferRule(f.line(), from, to, count, limit.map(Duration::ofSeconds),
                limitType.map(t -> DurationLimitType.values()[t]), FareTransferType.values()[type.orElseThrow()],
                product));
    }

    private void remember(Fields f, FareTransferRule rule) {
        rule.fromLegGroup().ifPresent(g -> references.add(new Reference(f, "from_leg_group_id", g, "fare_leg_rules.txt")));
        rule.toLegGroup().ifPresent(g -> references.add(new Reference(f, "to_leg_group_id", g, "fare_leg_rules.txt")));
        rule.fareProduct().ifPresent(p -> references.add(new Reference(f, "fare_product_id", p, "fare_products.txt")));
    }
}
