package org.faregate.fares.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.TapEvent;
import org.faregate.fares.charging.BoundaryRule;
import org.faregate.fares.charging.Cap;
import org.faregate.fares.charging.CapPeriod;
import org.faregate.fares.charging.CapScope;
import org.faregate.fares.charging.ChargingSettings;
import org.faregate.fares.charging.ChargingSettings.UnknownFarePolicy;
import org.faregate.fares.charging.DistanceBand;
import org.faregate.fares.charging.DistanceBands;
import org.faregate.fares.charging.DistanceFare;
import org.faregate.fares.charging.DistanceTable;
import org.faregate.fares.charging.Extensions;
import org.faregate.fares.charging.MaxFareBasis;
import org.faregate.fares.charging.MaxFareRule;
import org.faregate.fares.charging.StopDistance;
import org.faregate.fares.gtfs.FaresFeed;
import org.faregate.fares.gtfs.GtfsFares;

/**
 * The engine's test networks: TransLink (src/test/resources/gtfs/translink), and the tiny Shanghai and London
 * feeds of src/test/resources/engine with their extensions built in code, equal to their faregate_*.txt files.
 */
final class EngineFeeds {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private EngineFeeds() {
    }

    static Map<String, String> files(String resource) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(Path.of(EngineFeeds.class.getResource(resource).toURI()))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".txt")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    static FaresFeed feed(String resource) {
        return GtfsFares.load(files(resource)).getFeed();
    }

    /** TransLink, SkyTrain station taps in network {@code rail} (buses name their route). */
    static FareEngine translink() {
        ChargingSettings settings = new ChargingSettings(LocalTime.of(4, 0), Duration.ofMinutes(180),
                Optional.of("rail"), UnknownFarePolicy.MAXIMUM_FARE);
        return FareEngine.of(feed("/gtfs/translink"), new Extensions(settings, List.of(), List.of(), Map.of(), Map.of(),
                Map.of(), List.of()));
    }

    static Extensions shanghaiExtensions(UnknownFarePolicy unknown) {
        Currency cny = Currency.getInstance("CNY");
        ChargingSettings settings = new ChargingSettings(LocalTime.of(4, 0), Duration.ofMinutes(180),
                Optional.of("shanghai_metro"), unknown);
        DistanceTable table = DistanceTable.of(List.of(new StopDistance("XJH", "PSD", 6000),
                new StopDistance("XJH", "HQ", 16001), new StopDistance("PSD", "HQ", 16000),
                new StopDistance("XJH", "LJZ", 26001)), true);
        DistanceBands bands = new DistanceBands(Money.parse("3.00", cny), 6000,
                List.of(new DistanceBand(6000, DistanceBand.UNBOUNDED, 10000, Money.parse("1.00", cny))),
                BoundaryRule.LOWER_BAND);
        return new Extensions(settings,
                List.of(new Cap("sh_day", CapPeriod.DAY, Money.parse("10.00", cny), CapScope.ANY)),
                List.of(new MaxFareRule("shanghai_metro", new MaxFareBasis.HighestFromOrigin(), true, false)),
                Map.of("shanghai_metro", Duration.ofMinutes(240)),
                Map.of("shanghai_metro", new DistanceFare(table, bands)), Map.of(), List.of());
    }

    static FareEngine shanghai() {
        return FareEngine.of(feed("/engine/shanghai"), shanghaiExtensions(UnknownFarePolicy.MAXIMUM_FARE));
    }

    static Extensions londonExtensions() {
        Currency gbp = Currency.getInstance("GBP");
        ChargingSettings settings = new ChargingSettings(LocalTime.of(4, 30), Duration.ofMinutes(180),
                Optional.of("london_tube"), UnknownFarePolicy.MAXIMUM_FARE);
        return new Extensions(settings,
                List.of(new Cap("z12_day", CapPeriod.DAY, Money.parse("8.90", gbp),
                        new CapScope(java.util.Set.of("adult"), java.util.Set.of(), java.util.Set.of("zone1", "zone2")))),
                List.of(new MaxFareRule("london_tube", new MaxFareBasis.Flat(Money.parse("10.00", gbp)), false, false)),
                Map.of("london_tube", Duration.ofMinutes(120)), Map.of(), Map.of(), List.of());
    }

    static FareEngine london() {
        return FareEngine.of(feed("/engine/london"), londonExtensions());
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static FareTap tap(String id, Instant at, String stop, TapEvent event) {
        return new FareTap(id, at, stop, event, "adult");
    }

    static FareTap onRoute(String id, Instant at, String stop, TapEvent event, String route) {
        return new FareTap(id, at, stop, event, "adult", Optional.of(route), Optional.of("contactless"));
    }
}
