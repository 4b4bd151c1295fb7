package org.faregate.fares.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.faregate.fares.engine.EngineResult;
import org.faregate.fares.engine.FareEngineLoader;
import org.faregate.fares.gtfs.FeedArchive;
import org.faregate.fares.gtfs.Notice;
import org.faregate.fares.gtfs.NoticeCode;

/**
 * {@code fares validate DIR|ZIP}: loads a GTFS-Fares v2 feed and its Faregate extension files from a folder or
 * a zip as the engine would, prints every notice as
 * {@code file:line field code message} and a summary. {@code fares quote DIR|ZIP TAPS.csv [--category ID]
 * [--media ID]}: prices a taps CSV with the feed (see {@link QuoteCommand}). Exit 0 without errors, 1 with
 * errors, 2 for a usage mistake or a path that cannot be read. docs/fares-cli.md describes both.
 */
public final class FaresMain {

    private static final String USAGE = "usage: fares validate DIR|ZIP\n"
            + "       fares quote DIR|ZIP TAPS.csv [--category ID] [--media ID]";

    private FaresMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 3 && args[0].equals("quote")) {
            return quote(args, out, err);
        }
        if (args.length != 2 || !args[0].equals("validate")) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> files;
        try {
            files = read(Path.of(args[1]));
        } catch (IOException e) {
            err.println("cannot read " + args[1] + ": " + e.getMessage());
            return 2;
        }
        EngineResult result = FareEngineLoader.load(files);
        for (Notice notice : result.notices()) {
            out.println(notice.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + notice);
        }
        out.println(count(result.notices(), NoticeCode.Severity.ERROR) + " errors, "
                + count(result.notices(), NoticeCode.Severity.WARNING) + " warnings, "
                + count(result.notices(), NoticeCode.Severity.INFO) + " infos in " + files.size() + " files: "
                + (result.hasErrors() ? "feed refused" : "feed valid"));
        return result.hasErrors() ? 1 : 0;
    }

    private static int quote(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 3; i < args.length; i += 2) {
            if (!(args[i].equals("--category") || args[i].equals("--media")) || i + 1 == args.length
                    || args[i + 1].isBlank() || options.put(args[i], args[i + 1]) != null) {
                err.println(USAGE);
                return 2;
            }
        }
        Map<String, String> files;
        String taps;
        try {
            files = read(Path.of(args[1]));
        } catch (IOException e) {
            err.println("cannot read " + args[1] + ": " + e.getMessage());
            return 2;
        }
        try {
            taps = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot read " + args[2] + ": " + e.getMessage());
            return 2;
        }
        return new QuoteCommand(out, err).run(files, Path.of(args[2]).getFileName().toString(), taps,
                Optional.ofNullable(options.get("--category")), Optional.ofNullable(options.get("--media")));
    }

    private static long count(List<Notice> notices, NoticeCode.Severity severity) {
        return notices.stream().filter(n -> n.severity() == severity).count();
    }

    /** The files of a folder (top level) or of a zip (by base name), as UTF-8 text. */
    static Map<String, String> read(Path path) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> entries = Files.list(path)) {
                for (Path file : entries.filter(Files::isRegularFile).toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return files;
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such folder or zip");
        }
        try {
            return FeedArchive.unzip(Files.readAllBytes(path));
        } catch (FeedArchive.UnreadableArchiveException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
