package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.faregate.fares.charging.ChargingSettings;
import org.faregate.fares.charging.DistanceBands;
import org.faregate.fares.charging.DistanceFare;
import org.faregate.fares.charging.DistanceTable;
import org.faregate.fares.charging.Extensions;

/**
 * Loads the Faregate extension files of docs/fare-extensions.md ({@code faregate_*.txt}) with the same
 * treatment as the GTFS files: trimmed headers, unknown columns as notices, every problem naming file, line
 * and field, amounts exact by the currency's ISO 4217 digits. Every file is optional; a missing one gives
 * the defaults of {@link Extensions#none()}. Pure: the caller reads the folder or zip.
 */
public final class ExtensionLoader {

    /** The extension file names, which the GTFS loader does not report as unknown files. */
    static final Set<String> FILES = Set.of(SettingsReader.FILE, CapReader.FILE, MaxFareReader.FILE,
            DistanceBandReader.FILE, StopDistanceReader.FILE, TimeLimitReader.FILE, SpendTierReader.FILE);

    private ExtensionLoader() {
    }

    /**
     * Loads the extension files alone. References to GTFS ids are not checked (see {@link #loadAll}).
     *
     * @param files file name (e.g. {@code faregate_caps.txt}) to its whole text; other files are ignored
     */
    public static ExtensionResult load(Map<String, String> files) {
        Notices notices = new Notices();
        ExtensionUses uses = new ExtensionUses();
        Extensions extensions = read(files, notices, uses);
        uses.checkOneCurrency(notices);
        return notices.hasErrors() ? new ExtensionResult(Optional.empty(), notices.toList())
                : new ExtensionResult(Optional.of(extensions), notices.toList());
    }

    /**
     * Loads GTFS-Fares v2 ({@link GtfsFares#load}) and the extension files from one feed, and checks across
     * them: every network, area, rider category and stop an extension names is defined by the GTFS files
     * ({@code foreign_key_violation}), and the extensions' currency is one of the fare products'.
     */
    public static CombinedResult loadAll(Map<String, String> files) {
        LoadResult gtfs = GtfsFares.load(files);
        Notices notices = new Notices();
        ExtensionUses uses = new ExtensionUses();
        Extensions extensions = read(files, notices, uses);
        uses.checkOneCurrency(notices);
        gtfs.feed().ifPresent(feed -> uses.checkAgainst(feed, notices));
        List<Notice> all = new ArrayList<>(gtfs.notices());
        all.addAll(notices.toList());
        if (gtfs.hasErrors() || notices.hasErrors()) {
            return new CombinedResult(Optional.empty(), Optional.empty(), all);
        }
        return new CombinedResult(gtfs.feed(), Optional.of(extensions), all);
    }

    private static Extensions read(Map<String, String> texts, Notices notices, ExtensionUses uses) {
        FeedFiles files = new FeedFiles(texts, notices);
        ChargingSettings settings = new SettingsReader(files, notices, uses).read();
        var caps = new CapReader(files, notices, uses).read();
        MaxFareReader maxFares = new MaxFareReader(files, notices, uses);
        maxFares.read();
        Map<String, DistanceBands> bands = new DistanceBandReader(files, notices, uses).read();
        Optional<DistanceTable> table = new StopDistanceReader(files, notices, uses).read();
        var timeLimits = new TimeLimitReader(files, notices, uses).read();
        var spendTiers = new SpendTierReader(files, notices, uses).read();
        Map<String, DistanceFare> distanceFares = new HashMap<>();
        if (!bands.isEmpty() && table.isEmpty() && !texts.containsKey(StopDistanceReader.FILE)) {
            notices.fileLevel(NoticeCode.MISSING_REQUIRED_FILE, StopDistanceReader.FILE, DistanceBandReader.FILE
                    + " prices networks " + bands.keySet().stream().sorted().toList() + " by distance but there is no "
                    + StopDistanceReader.FILE);
        }
        table.ifPresent(t -> bands.forEach((network, formula) -> distanceFares.put(network, new DistanceFare(t, formula))));
        return new Extensions(settings, caps, maxFares.rules, maxFares.maxJourneyByNetwork, distanceFares,
                timeLimits, spendTiers);
    }
}
