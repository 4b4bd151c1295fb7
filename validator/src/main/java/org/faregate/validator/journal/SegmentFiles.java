package org.faregate.validator.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal's directory: segment files named by a 20-digit sequence number ({@code 00000000000000000001.seg}),
 * created and deleted with the directory forced to the device so that the set of files survives a power cut,
 * and a lock file that keeps a second gate process out.
 */
final class SegmentFiles implements AutoCloseable {

    static final String SUFFIX = ".seg";
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");
    private static final String LOCK_NAME = "lock";

    private final Path directory;
    private FileChannel lockChannel;
    private FileLock lock;

    private SegmentFiles(Path directory) {
        this.directory = directory;
    }

    /** Creates the directory if needed and locks it for this process. */
    static SegmentFiles lock(Path directory) throws IOException {
        Files.createDirectories(directory);
        SegmentFiles files = new SegmentFiles(directory);
        files.lockChannel = FileChannel.open(directory.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            files.lock = files.lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            files.lock = null;
        }
        if (files.lock == null) {
            files.close();
            throw new IOException("journal is in use by another gate process: " + directory);
        }
        return files;
    }

    static String name(long number) {
        return String.format("%020d%s", number, SUFFIX);
    }

    Path directory() {
        return directory;
    }

    Path path(long number) {
        return directory.resolve(name(number));
    }

    /** Sequence numbers of the segment files present, oldest first. */
    List<Long> numbers() throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path entry : entries) {
                Matcher matcher = NAME.matcher(entry.getFileName().toString());
                if (matcher.matches()) {
                    numbers.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        Collections.sort(numbers);
        return numbers;
    }

    /** A new, empty segment file whose directory entry is durable when this returns. */
    Segment create(long number) throws IOException {
        Segment segment = Segment.open(number, path(number), true);
        forceDirectory();
        return segment;
    }

    /** Deletes these segment files, oldest first (a crash part-way leaves a suffix), then forces the directory. */
    void delete(List<Long> numbers) throws IOException {
        for (long number : numbers) {
            Files.deleteIfExists(path(number));
        }
        forceDirectory();
    }

    /** Bytes this process may still write on the directory's file system (one statvfs call). */
    long usableSpace() throws IOException {
        long usable = directory.toFile().getUsableSpace();
        if (usable == 0 && !Files.isDirectory(directory)) {
            throw new IOException("journal directory is gone: " + directory);
        }
        return usable;
    }

    void forceDirectory() throws IOException {
        forceDirectory(directory);
    }

    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            lock = null;
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
        }
    }
}
