package org.faregate.fares.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.engine.EngineResult;
import org.faregate.fares.engine.FareEngine;
import org.faregate.fares.engine.FareEngineLoader;
import org.faregate.fares.gtfs.Notice;

/** Feeds of the benchmarks as file name to text, loaded through {@link FareEngineLoader} like an upload. */
final class BenchFeeds {

    private BenchFeeds() {
    }

    /**
     * The TransLink test feed (src/test/resources/gtfs/translink) plus the one setting the engine test gives
     * in code: SkyTrain station taps, which name no route, belong to network {@code rail}.
     */
    static Map<String, String> translink() {
        Map<String, String> files = resourceFolder("/gtfs/translink");
        files.put("faregate_settings.txt", "setting_id,value\nservice_day_cutover,04:00\nstation_network_id,rail\n");
        return files;
    }

    /** Loads the files, or fails loudly with every error notice. */
    static FareEngine load(Map<String, String> files) {
        EngineResult result = FareEngineLoader.load(files);
        if (result.hasErrors()) {
            throw new IllegalStateException("the benchmark feed does not load: " + result.notices().stream()
                    .filter(Notice::isError).map(Notice::toString).collect(Collectors.joining("; ")));
        }
        return result.engine().orElseThrow();
    }

    /** The total charged for the taps, in minor units. */
    static long total(FareEngine engine, List<FareTap> taps) {
        Money total = Money.zero(engine.currency());
        for (FareCharge charge : engine.price(taps)) {
            total = total.plus(charge.amount());
        }
        return total.minor();
    }

    private static Map<String, String> resourceFolder(String resource) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(Path.of(BenchFeeds.class.getResource(resource).toURI()))) {
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
}
