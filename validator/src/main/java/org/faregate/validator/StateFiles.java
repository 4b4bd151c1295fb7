package org.faregate.validator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.faregate.protocol.wire.DenyListDelta;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.faregate.validator.decision.DenyList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's last known deny list and issuer keys, kept in the data directory for an offline cold start.
 * The deny list is a binary {@link DenyListFile} ({@value #DENY_LIST}); a JSON snapshot left by an older gate
 * ({@value #LEGACY_DENY_LIST}) is still read when there is no binary file, and deleted once one is written.
 */
final class StateFiles {

    static final String DENY_LIST = "deny-list.bin";
    static final String LEGACY_DENY_LIST = "deny-list.json";
    static final String CORRUPT_SUFFIX = ".corrupt";
    static final String ISSUER_KEYS = "issuer-keys.json";
    private static final Logger logger = LoggerFactory.getLogger(StateFiles.class);

    private final Path directory;
    private final WireJson json = new WireJson();

    StateFiles(Path directory) {
        this.directory = directory;
    }

    Optional<IssuerKeyList> loadKeys() {
        return load(ISSUER_KEYS, IssuerKeyList.class);
    }

    /**
     * Fills {@code list} with the saved deny list. A corrupt or unreadable file leaves the list empty at
     * version 0, so the next sync asks the gateway for a snapshot; the file is moved aside for inspection.
     *
     * @return whether a saved list was loaded
     */
    boolean loadDenyList(DenyList list) {
        Path file = directory.resolve(DENY_LIST);
        if (!Files.exists(file)) {
            Optional<DenyListDelta> legacy = load(LEGACY_DENY_LIST, DenyListDelta.class);
            legacy.ifPresent(snapshot -> {
                list.apply(snapshot);
                logger.info("Deny list loaded from a JSON snapshot of an older gate [version={}, denied={}]",
                        list.version(), list.size());
            });
            return legacy.isPresent();
        }
        try {
            DenyListFile.read(file, list);
            logger.info("Deny list loaded [file={}, version={}, denied={}]", file, list.version(), list.size());
            return true;
        } catch (IOException e) {
            Path aside = directory.resolve(DENY_LIST + CORRUPT_SUFFIX);
            logger.error("Deny-list file unreadable: the gate denies no credential until the next sync brings a "
                    + "snapshot [file={}, movedTo={}]: {}", file, aside, e.getMessage());
            moveAside(file, aside);
            return false;
        }
    }

    private static void moveAside(Path file, Path aside) {
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            logger.warn("Could not move the unreadable deny-list file aside, the next save replaces it "
                    + "[file={}]: {}", file, e.getMessage());
        }
    }

    void saveKeys(IssuerKeyList keys) throws IOException {
        byte[] content = json.write(keys);
        save(ISSUER_KEYS, out -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        });
    }

    /** Writes the whole list (160 MB for 10 million ids) and drops a legacy JSON snapshot. */
    void saveDenyList(DenyList list) throws IOException {
        save(DENY_LIST, out -> DenyListFile.write(list, out));
        Files.deleteIfExists(directory.resolve(LEGACY_DENY_LIST));
    }

    private <T> Optional<T> load(String name, Class<T> type) {
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.read(Files.readAllBytes(file), type));
        } catch (IOException | WireFormatException | IllegalArgumentException e) {
            logger.warn("Ignoring unreadable gate state, the next sync replaces it [file={}]: {}", file,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes a temporary file, forces it, then renames it over the old one: never a half-written state file. */
    private interface Content {
        void writeTo(FileChannel out) throws IOException;
    }

    private void save(String name, Content content) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            content.writeTo(out);
            out.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
