package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.faregate.fares.Money;
import org.junit.jupiter.api.Test;

class LoaderNoticesTest {

    private static final String RULES = "fare_product_id\nsingle\n";

    private static LoadResult load(String products, String legRules) {
        Map<String, String> files = Feeds.tiny();
        files.put("fare_products.txt", products);
        files.put("fare_leg_rules.txt", legRules);
        return GtfsFares.load(files);
    }

    @Test
    void theTransLinkFeedLoadsWithoutAnyNotice() {
        LoadResult result = GtfsFares.load(Feeds.folder("translink"));

        assertThat(result.notices()).isEmpty();
        assertThat(result.getFeed().rulePriorityColumn()).isTrue();
        assertThat(result.getFeed().fareProducts().get(FareProductId.of("upgrade_1_2")).get(0).amount())
                .isEqualTo(Money.of(145, "CAD"));
    }

    @Test
    void headersWithSpacesAreTrimmedWithAWarningAndStillLoad() {
        LoadResult result = load("fare_product_id ,  amount,currency \nsingle,2.75,USD\n", RULES);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.notices()).extracting(Notice::code, Notice::line, Notice::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeCode.LEADING_OR_TRAILING_WHITESPACES, 1, "fare_product_id"),
                org.assertj.core.groups.Tuple.tuple(NoticeCode.LEADING_OR_TRAILING_WHITESPACES, 1, "amount"),
                org.assertj.core.groups.Tuple.tuple(NoticeCode.LEADING_OR_TRAILING_WHITESPACES, 1, "currency"));
        assertThat(result.getFeed().fareProducts().get(FareProductId.of("single")).get(0).amount())
                .isEqualTo(Money.of(275, "USD"));
    }

    @Test
    void anUnknownExperimentalColumnIsAnInfoNoticeNotAnError() {
        LoadResult result = load("fare_product_id,amount,currency,experimental_bundle\nsingle,2.75,USD,x\n", RULES);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.code().code()).isEqualTo("unknown_column");
            assertThat(notice.severity()).isEqualTo(NoticeCode.Severity.INFO);
            assertThat(notice.file()).isEqualTo("fare_products.txt");
            assertThat(notice.field()).isEqualTo("experimental_bundle");
        });
    }

    @Test
    void aBadAmountIsAnErrorNamingFileLineAndField() {
        LoadResult result = load("fare_product_id,amount,currency\nsingle,2.75,USD\nday,4.605,USD\n", RULES);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.errors()).singleElement().satisfies(notice -> {
            assertThat(notice.code()).isEqualTo(NoticeCode.INVALID_CURRENCY_AMOUNT);
            assertThat(notice.toString()).startsWith("fare_products.txt:3 amount invalid_currency_amount");
        });
    }

    @Test
    void amountsMayBeZeroOrNegativeAndUseTheCurrencyDigits() {
        LoadResult result = load("fare_product_id,amount,currency\nfree,0,JPY\nrefund,-1.50,EUR\nyen,210,JPY\n", RULES
                .replace("single", "free"));

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.getFeed().fareProducts().get(FareProductId.of("refund")).get(0).amount())
                .isEqualTo(Money.of(-150, "EUR"));
        assertThat(result.getFeed().fareProducts().get(FareProductId.of("yen")).get(0).amount())
                .isEqualTo(Money.of(210, "JPY"));
    }

    @Test
    void aBrokenForeignKeyIsAnErrorNamingTheReferencingRow() {
        LoadResult result = load("fare_product_id,amount,currency\nsingle,2.75,USD\n",
                "fare_product_id,from_area_id\nsingle,A\nsingle,NOWHERE\n");

        assertThat(result.errors()).singleElement().satisfies(notice -> {
            assertThat(notice.code()).isEqualTo(NoticeCode.FOREIGN_KEY_VIOLATION);
            assertThat(notice.file()).isEqualTo("fare_leg_rules.txt");
            assertThat(notice.line()).isEqualTo(3);
            assertThat(notice.field()).isEqualTo("from_area_id");
        });
    }

    @Test
    void aMissingRequiredFileAndADuplicateKeyAreErrors() {
        Map<String, String> files = Feeds.tiny();
        files.put("fare_products.txt", "fare_product_id,amount,currency\nsingle,2.75,USD\nsingle,3.00,USD\n");
        LoadResult result = GtfsFares.load(files);

        assertThat(result.errors()).extracting(Notice::code, Notice::file, Notice::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeCode.DUPLICATE_KEY, "fare_products.txt", 3),
                org.assertj.core.groups.Tuple.tuple(NoticeCode.MISSING_REQUIRED_FILE, "fare_leg_rules.txt", 0));
    }

    @Test
    void aRowOfTheWrongLengthIsLeftOutAndTheRestKept() {
        Map<String, String> files = Feeds.tiny();
        files.put("areas.txt", "area_id,area_name\nA,a\nB\nC,c\n");
        files.put("fare_products.txt", "fare_product_id,amount,currency\nsingle,2.75,USD\n");
        files.put("fare_leg_rules.txt", RULES);
        LoadResult result = GtfsFares.load(files);

        assertThat(result.errors()).extracting(Notice::code, Notice::line)
                .contains(org.assertj.core.groups.Tuple.tuple(NoticeCode.INVALID_ROW_LENGTH, 3));
    }

    @Test
    void transferCountIsRequiredExactlyWhenBothGroupsAreTheSame() {
        Map<String, String> files = Feeds.tiny();
        files.put("fare_products.txt", "fare_product_id,amount,currency\nsingle,2.75,USD\n");
        files.put("fare_leg_rules.txt", "leg_group_id,fare_product_id,from_area_id\ng,single,\nh,single,A\n");
        files.put("fare_transfer_rules.txt", "from_leg_group_id,to_leg_group_id,transfer_count,fare_transfer_type\n"
                + "g,g,,0\ng,h,1,0\ng,g,0,0\n");
        LoadResult result = GtfsFares.load(files);

        assertThat(result.errors()).extracting(Notice::code, Notice::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeCode.FARE_TRANSFER_RULE_MISSING_TRANSFER_COUNT, 2),
                org.assertj.core.groups.Tuple.tuple(NoticeCode.FARE_TRANSFER_RULE_WITH_FORBIDDEN_TRANSFER_COUNT, 3),
                org.assertj.core.groups.Tuple.tuple(NoticeCode.FARE_TRANSFER_RULE_INVALID_TRANSFER_COUNT, 4));
    }

    @Test
    void timeframesPastMidnightAndHalfGivenTimesAreErrors() {
        Map<String, String> files = Feeds.tiny();
        files.put("fare_products.txt", "fare_product_id,amount,currency\nsingle,2.75,USD\n");
        files.put("fare_leg_rules.txt", RULES);
        files.put("timeframes.txt", "timeframe_group_id,start_time,end_time,service_id\n"
                + "night,22:00:00,26:00:00,all\nday,08:00:00,,all\nok,00:00:00,24:00:00,all\n");
        LoadResult result = GtfsFares.load(files);

        assertThat(result.errors()).extracting(Notice::code, Notice::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeCode.TIMEFRAME_START_OR_END_TIME_GREATER_THAN_TWENTY_FOUR_HOURS,
                        "end_time"),
                org.assertj.core.groups.Tuple.tuple(NoticeCode.TIMEFRAME_ONLY_START_OR_END_TIME_SPECIFIED, "end_time"));
    }
}
