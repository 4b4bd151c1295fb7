package org.faregate.validator.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.GateId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's own key pair, which signs every tap batch it sends. Made on the gate's first start and kept in
 * {@value #FILE} in its data directory (the 32-byte private scalar in hex, written atomically, readable by its
 * owner only where the file system has POSIX permissions). An installer registers the public half with the
 * gateway ({@code POST /v1/admin/gates}); {@code validator key} and {@code validator run} print it.
 * {@link #toString()} shows the public key only.
 */
public final class GateIdentity {

    public static final String FILE = "gate-key";
    private static final Logger logger = LoggerFactory.getLogger(GateIdentity.class);

    private final GateId gateId;
    private final SigningKey key;

    public GateIdentity(GateId gateId, SigningKey key) {
        this.gateId = Objects.requireNonNull(gateId, "gateId");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Reads the gate's key from {@code dataDir}, or makes and stores one if there is none yet. */
    public static GateIdentity openOrCreate(GateId gateId, Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new GateIdentity(gateId, read(file));
            }
            SigningKey key = SigningKey.generate(random);
            write(dataDir, file, key);
            GateIdentity identity = new GateIdentity(gateId, key);
            logger.info("Gate key pair created; register the public key with the gateway [gate={}, publicKey={}]",
                    gateId, identity.publicKeyHex());
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the gate key " + file + ": " + e.getMessage(), e);
        }
    }

    public GateId gateId() {
        return gateId;
    }

    public VerifyingKey publicKey() {
        return key.verifyingKey();
    }

    /** The public key as the operator registers it: SEC1 compressed, hex. */
    public String publicKeyHex() {
        return key.verifyingKey().compressed().toHex();
    }

    SigningKey signingKey() {
        return key;
    }

    private static SigningKey read(Path file) throws IOException {
        String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return SigningKey.fromScalar(Bytes.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a gate key (64 hex digits): " + e.getMessage(), e);
        }
    }

    /** Temporary file (owner-only from its creation), forced, then renamed: never a half-written key. */
    private static void write(Path dataDir, Path file, SigningKey key) throws IOException {
        Files.createDirectories(dataDir);
        Path temporary = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        byte[] content = (key.exportScalar().toHex() + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "GateIdentity[gate=" + gateId + ", publicKey=" + publicKeyHex() + "]";
    }
}
