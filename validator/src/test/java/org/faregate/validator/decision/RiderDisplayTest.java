package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.faregate.protocol.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RiderDisplayTest {

    private static final Locale ZH_HANS = Locale.forLanguageTag("zh-Hans");

    @Test
    void everyReasonHasItsOwnRiderText() {
        assertThat(Reason.values()).allSatisfy(reason -> assertThat(RiderDisplay.textFor(reason)).isNotBlank());
        assertThat(Arrays.stream(Reason.values()).map(RiderDisplay::textFor).distinct().count())
                .isEqualTo(Reason.values().length);
    }

    @Test
    void everyReasonHasItsOwnTextInEveryLanguage() {
        assertThat(RiderDisplay.LANGUAGES).hasSizeGreaterThan(1);
        for (Locale language : RiderDisplay.LANGUAGES) {
            assertThat(RiderDisplay.supports(language)).as(language.toLanguageTag()).isTrue();
            assertThat(Reason.values()).as(language.toLanguageTag())
                    .allSatisfy(reason -> assertThat(RiderDisplay.textFor(reason, language)).isNotBlank());
            assertThat(Arrays.stream(Reason.values()).map(reason -> RiderDisplay.textFor(reason, language)).distinct())
                    .as(language.toLanguageTag()).hasSize(Reason.values().length);
        }
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void simplifiedChineseIsNotEnglish(Reason reason) {
        String chinese = RiderDisplay.textFor(reason, ZH_HANS);

        assertThat(chinese).isNotEqualTo(RiderDisplay.textFor(reason, Locale.ENGLISH));
        assertThat(chinese.codePoints()).anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void acceptedInSimplifiedChineseSaysGoAhead() {
        assertThat(RiderDisplay.textFor(Reason.ACCEPTED, ZH_HANS)).isEqualTo("请通行");
        assertThat(RiderDisplay.textFor(Reason.ACCEPTED, Locale.forLanguageTag("zh-CN"))).isEqualTo("请通行");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "zh-Hant", "zh-TW", "und", "not a tag", "en-GB"})
    void languagesWithoutTextFallBackToEnglish(String tag) {
        Locale language = Locale.forLanguageTag(tag);

        assertThat(Reason.values()).allSatisfy(reason ->
                assertThat(RiderDisplay.textFor(reason, language)).isEqualTo(RiderDisplay.textFor(reason)));
    }

    @Test
    void englishIsWhatTheSingleArgumentLookupGives() {
        assertThat(Reason.values()).allSatisfy(reason ->
                assertThat(RiderDisplay.textFor(reason, Locale.ENGLISH)).isEqualTo(RiderDisplay.textFor(reason)));
    }
}
