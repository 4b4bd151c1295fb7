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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gate's last known deny list and issuer keys, kept in the data directory for an offline cold start. */
final class StateFiles {

    static final String DENY_LIST = "deny-list.json";
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

    Optional<DenyListDelta> loadDenyList() {
        return load(DENY_LIST, DenyListDelta.class);
    }

    void saveKeys(IssuerKeyList keys) throws IOException {
        save(ISSUER_KEYS, json.write(keys));
    }

    void saveDenyList(DenyListDelta snapshot) throws IOException {
        save(DENY_LIST, json.write(snapshot));
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
    private void save(String name, byte[] content) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
