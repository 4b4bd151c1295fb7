package org.faregate.fares.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.fares.gtfs.CombinedResult;
import org.faregate.fares.gtfs.ExtensionLoader;
import org.faregate.fares.gtfs.Notice;
import org.faregate.fares.gtfs.NoticeCode;

/**
 * Loads an engine from the texts of a feed's files: the GTFS-Fares v2 files and the Faregate extension
 * files ({@code faregate_*.txt}), both through {@link ExtensionLoader#loadAll}, which also checks the ids the
 * extensions name against the GTFS files. Pure: the caller reads the folder or zip. An error anywhere, or
 * amounts in more than one currency, refuses the whole engine.
 */
public final class FareEngineLoader {

    private FareEngineLoader() {
    }

    /** @param files file name (e.g. {@code fare_products.txt}) to its whole text */
    public static EngineResult load(Map<String, String> files) {
        CombinedResult loaded = ExtensionLoader.loadAll(files);
        List<Notice> notices = new ArrayList<>(loaded.notices());
        if (loaded.hasErrors()) {
            return new EngineResult(Optional.empty(), notices);
        }
        try {
            return new EngineResult(Optional.of(FareEngine.of(loaded.getFeed(), loaded.getExtensions())), notices);
        } catch (IllegalArgumentException e) {
            notices.add(new Notice(NoticeCode.MIXED_CURRENCIES, "fare_products.txt", 0, "currency", e.getMessage()));
            return new EngineResult(Optional.empty(), notices);
        }
    }
}
