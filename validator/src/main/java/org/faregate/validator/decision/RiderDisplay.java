package org.faregate.validator.decision;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.faregate.protocol.Reason;

/**
 * The one table from (reason code, language) to what the gate's display tells the rider. Each language is an
 * exhaustive switch, so a new {@link Reason} does not compile until every language has its text.
 */
public final class RiderDisplay {

    /** The languages the table has text in; any other language is shown in English. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-Hans"));

    private RiderDisplay() {
    }

    /** English text (what {@link TapDecision#display()} carries for logs and technicians). */
    public static String textFor(Reason reason) {
        return english(reason);
    }

    /** Text in {@code language}: English unless the language is one of {@link #LANGUAGES}. */
    public static String textFor(Reason reason, Locale language) {
        Objects.requireNonNull(reason, "reason");
        return isSimplifiedChinese(language) ? simplifiedChinese(reason) : english(reason);
    }

    /** Whether {@code language} has its own texts (otherwise {@link #textFor(Reason, Locale)} gives English). */
    public static boolean supports(Locale language) {
        return isSimplifiedChinese(language) || "en".equals(language.getLanguage());
    }

    /** zh-Hans, and plain zh or zh-CN/zh-SG, which are written in simplified characters; not zh-Hant or zh-TW. */
    private static boolean isSimplifiedChinese(Locale language) {
        Objects.requireNonNull(language, "language");
        if (!"zh".equals(language.getLanguage())) {
            return false;
        }
        String script = language.getScript();
        if (!script.isEmpty()) {
            return script.equals("Hans");
        }
        String country = language.getCountry();
        return country.isEmpty() || country.equals("CN") || country.equals("SG");
    }

    private static String english(Reason reason) {
        return switch (reason) {
            case ACCEPTED -> "Go ahead";
            case MALFORMED_TOKEN -> "Code not recognised - please refresh your code";
            case UNKNOWN_KEY -> "Code not recognised - please update your app";
            case BAD_SIGNATURE -> "Invalid code - please see staff";
            case NOT_YET_VALID -> "Ticket not valid yet";
            case EXPIRED_CREDENTIAL -> "Ticket expired - please renew in your app";
            case EXPIRED_TOKEN -> "Code expired - please refresh your code";
            case FUTURE_TOKEN -> "Check your phone's clock and refresh your code";
            case OVER_LIMIT -> "Please go online to refresh your ticket";
            case DENIED_TOKEN -> "Ticket blocked - please see staff";
            case REPLAYED -> "Code already used - please refresh your code";
            case PASSBACK -> "Already entered - please see staff";
            case CARD_ERROR -> "Please tap again and hold still";
            case UNSUPPORTED_CARD -> "Card not accepted here";
        };
    }

    private static String simplifiedChinese(Reason reason) {
        return switch (reason) {
            case ACCEPTED -> "请通行";
            case MALFORMED_TOKEN -> "无法识别乘车码，请刷新乘车码";
            case UNKNOWN_KEY -> "无法识别乘车码，请更新应用";
            case BAD_SIGNATURE -> "乘车码无效，请联系工作人员";
            case NOT_YET_VALID -> "车票尚未生效";
            case EXPIRED_CREDENTIAL -> "车票已过期，请在应用中续期";
            case EXPIRED_TOKEN -> "乘车码已过期，请刷新乘车码";
            case FUTURE_TOKEN -> "请校准手机时间并刷新乘车码";
            case OVER_LIMIT -> "请联网刷新车票";
            case DENIED_TOKEN -> "车票已停用，请联系工作人员";
            case REPLAYED -> "乘车码已使用，请刷新乘车码";
            case PASSBACK -> "已进站，请联系工作人员";
            case CARD_ERROR -> "请重新刷卡并保持不动";
            case UNSUPPORTED_CARD -> "此处不受理该卡";
        };
    }
}
