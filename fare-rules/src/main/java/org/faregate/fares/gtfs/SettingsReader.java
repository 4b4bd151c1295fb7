package org.faregate.fares.gtfs;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faregate.fares.charging.ChargingSettings;
import org.faregate.fares.charging.ChargingSettings.UnknownFarePolicy;

/** Reads {@code faregate_settings.txt} (setting_id,value); a setting not given keeps its default. */
final class SettingsReader {

    static final String FILE = "faregate_settings.txt";
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");
    private static final Map<String, UnknownFarePolicy> UNKNOWN_FARE = Map.of(
            "maximum_fare", UnknownFarePolicy.MAXIMUM_FARE, "zero", UnknownFarePolicy.ZERO);

    private final FeedFiles files;
    private final Notices notices;
    private final ExtensionUses uses;

    SettingsReader(FeedFiles files, Notices notices, ExtensionUses uses) {
        this.files = files;
        this.notices = notices;
        this.uses = uses;
    }

    /** {@code rider_category.<account category>} maps an account's category to the feed's rider_category_id. */
    private static final String RIDER_CATEGORY = "rider_category.";

    ChargingSettings read() {
        ChargingSettings defaults = ChargingSettings.defaults();
        Optional<CsvTable> table = files.table(FILE, false, List.of("setting_id", "value"), List.of());
        if (table.isEmpty()) {
            return defaults;
        }
        LocalTime cutover = defaults.serviceDayCutover();
        Duration maxJourney = defaults.defaultMaxJourney();
        Optional<String> stationNetwork = defaults.stationNetworkId();
        UnknownFarePolicy unknownFare = defaults.unknownFare();
        Map<String, String> categories = new HashMap<>();
        FeedFiles.Keys keys = new FeedFiles.Keys();
        for (CsvTable.Row row : table.get().rows()) {
            Fields f = new Fields(row, notices);
            String id = f.required("setting_id");
            String value = f.required("value");
            if (!f.ok() || !keys.firstTime(f, "setting_id", id)) {
                continue;
            }
            switch (id) {
                case "service_day_cutover" -> cutover = cutover(f, value).orElse(cutover);
                case "default_max_journey_minutes" -> maxJourney = f.integer("value", 1, Integer.MAX_VALUE)
                        .map(minutes -> Duration.ofMinutes(minutes)).orElse(maxJourney);
                case "station_network_id" -> {
                    stationNetwork = Optional.of(value);
                    uses.network(f, "value", value);
                }
                case "unknown_fare" -> unknownFare = f.oneOf("value", UNKNOWN_FARE).orElse(unknownFare);
                default -> {
                    if (id.startsWith(RIDER_CATEGORY) && id.length() > RIDER_CATEGORY.length()) {
                        categories.put(id.substring(RIDER_CATEGORY.length()), value);
                        uses.riderCategory(f, "value", value);
                    } else {
                        f.problem(NoticeCode.UNKNOWN_SETTING, "setting_id",
                                "'" + id + "' is not a Faregate setting, ignored");
                    }
                }
            }
        }
        return new ChargingSettings(cutover, maxJourney, stationNetwork, unknownFare, categories);
    }

    private static Optional<LocalTime> cutover(Fields f, String value) {
        Matcher matcher = HH_MM.matcher(value);
        if (!matcher.matches()) {
            f.problem(NoticeCode.INVALID_TIME, "value", "service_day_cutover '" + value + "' is not a time HH:MM (00:00 to 23:59)");
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }
}
