package org.faregate.gateway.pricing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import org.faregate.fares.FareConfig;
import org.faregate.fares.FareConfigException;
import org.faregate.fares.FareRules;
import org.faregate.fares.engine.EngineResult;
import org.faregate.fares.engine.FareEngine;
import org.faregate.fares.engine.FareEngineLoader;
import org.faregate.fares.gtfs.FeedArchive;
import org.faregate.fares.gtfs.Notice;
import org.faregate.gateway.pricing.FareRulesRejectedException.Problem;

/**
 * Turns a stored or uploaded version of the fare rules into the {@link FareRules} that price with it:
 * the interim key=value text ({@code config}, docs/fare-config.md), or a GTFS-Fares v2 feed with the
 * Faregate extension files ({@code gtfs}, a zip kept as base64). Unusable rules throw with every problem.
 */
final class RulesParser {

    static final String CONFIG = "config";
    static final String GTFS = "gtfs";
    private static final String CONFIG_FILE = "fare-rules.txt";
    private static final String ARCHIVE = "upload.zip";

    /** Parsed rules and the notices that did not stop them (warnings and information). */
    record Parsed(FareRules rules, List<Problem> notices) {
    }

    private RulesParser() {
    }

    static Parsed parse(String format, String body, Currency currency) {
        Parsed parsed = switch (format) {
            case CONFIG -> config(body);
            case GTFS -> gtfs(body);
            default -> throw new IllegalStateException("unknown fare rules format '" + format + "'");
        };
        if (!parsed.rules().currency().equals(currency)) {
            throw new FareRulesRejectedException(List.of(new Problem(format.equals(GTFS) ? "fare_products.txt"
                    : CONFIG_FILE, 0, "currency", "currency_mismatch", "the gateway charges in "
                    + currency.getCurrencyCode() + ", these rules in " + parsed.rules().currency().getCurrencyCode())));
        }
        return parsed;
    }

    /** The uploaded bytes: a zip (by its signature) is a GTFS feed, anything else the key=value text. */
    static String formatOf(byte[] upload) {
        return upload.length >= 4 && upload[0] == 'P' && upload[1] == 'K' && upload[2] == 3 && upload[3] == 4
                ? GTFS : CONFIG;
    }

    private static Parsed config(String text) {
        try {
            return new Parsed(FareConfig.parse(text), List.of());
        } catch (FareConfigException e) {
            throw new FareRulesRejectedException(e.problems().stream()
                    .map(p -> new Problem(CONFIG_FILE, p.line(), p.key(), p.code(), p.message())).toList());
        }
    }

    private static Parsed gtfs(String base64) {
        EngineResult result;
        try {
            result = FareEngineLoader.load(FeedArchive.unzip(Base64.getDecoder().decode(base64)));
        } catch (FeedArchive.UnreadableArchiveException e) {
            throw new FareRulesRejectedException(List.of(new Problem(ARCHIVE, 0, "", "unreadable_archive",
                    e.getMessage())));
        }
        List<Problem> errors = new ArrayList<>();
        List<Problem> others = new ArrayList<>();
        for (Notice notice : result.notices()) {
            (notice.isError() ? errors : others).add(new Problem(notice.file(), notice.line(), notice.field(),
                    notice.code().code(), notice.message()));
        }
        FareEngine engine = result.engine().orElse(null);
        if (engine == null || !errors.isEmpty()) {
            throw new FareRulesRejectedException(errors);
        }
        return new Parsed(engine, others);
    }
}
