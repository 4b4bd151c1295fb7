package org.faregate.fares.gtfs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A feed handed over as the bytes of a zip: its files by base name, as UTF-8 text. Bounded, so an
 * uploaded zip cannot expand without limit; folders inside the zip are flattened, and two files with
 * the same name are refused rather than one silently replacing the other.
 */
public final class FeedArchive {

    /** More files than any fares feed has. */
    public static final int MAX_FILES = 500;
    /** Uncompressed bytes of all files together. */
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    private FeedArchive() {
    }

    /** An archive that cannot be read; the message says which entry and why. */
    public static final class UnreadableArchiveException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableArchiveException(String message) {
            super(message);
        }
    }

    public static Map<String, String> unzip(byte[] zip) throws UnreadableArchiveException {
        Map<String, String> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (files.size() == MAX_FILES) {
                    throw new UnreadableArchiveException("more than " + MAX_FILES + " files in the zip");
                }
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_TOTAL_BYTES - total + 1));
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new UnreadableArchiveException("the zip expands beyond " + MAX_TOTAL_BYTES + " bytes");
                }
                if (files.put(name, utf8(name, content)) != null) {
                    throw new UnreadableArchiveException("two files named " + name + " in the zip");
                }
            }
        } catch (IOException e) {
            throw new UnreadableArchiveException("not a readable zip: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UnreadableArchiveException("not a zip, or an empty one");
        }
        return files;
    }

    private static String utf8(String name, byte[] content) throws UnreadableArchiveException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableArchiveException(name + " is not UTF-8 text");
        }
    }
}
