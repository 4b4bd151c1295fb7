package org.faregate.fares.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.faregate.fares.gtfs.GtfsFares;
import org.faregate.fares.gtfs.LoadResult;
import org.faregate.fares.gtfs.Notice;
import org.faregate.fares.gtfs.NoticeCode;

/**
 * {@code fares validate DIR|ZIP}: loads a GTFS-Fares v2 feed from a folder or a zip, prints every notice as
 * {@code file:line field code message} and a summary. Exit 0 without errors, 1 with errors, 2 for a usage
 * mistake or a path that cannot be read.
 */
public final class FaresMain {

    private static final String USAGE = "usage: fares validate DIR|ZIP";

    private FaresMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
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
        LoadResult result = GtfsFares.load(files);
        for (Notice notice : result.notices()) {
            out.println(notice.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + notice);
        }
        out.println(count(result.notices(), NoticeCode.Severity.ERROR) + " errors, "
                + count(result.notices(), NoticeCode.Severity.WARNING) + " warnings, "
                + count(result.notices(), NoticeCode.Severity.INFO) + " infos in " + files.size() + " files: "
                + (result.hasErrors() ? "feed refused" : "feed valid"));
        return result.hasErrors() ? 1 : 0;
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
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                    files.put(name, new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("not a zip, or an empty one");
        }
        return files;
    }
}
