package org.faregate.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the first operator's (the bootstrap admin's) token comes from: the configuration
 * ({@code FAREGATE_ADMIN_TOKEN}, or a token an in-process caller passes), or a file the gateway fills with a
 * generated token the first time it starts without one. The file is created owner-only (rw-------); the log
 * names the file, never the token.
 */
public sealed interface AdminBootstrap permits AdminBootstrap.Configured, AdminBootstrap.TokenFile {

    /** The token to install as the bootstrap admin's. */
    BearerToken resolve(SecureRandom random);

    /** The configured token, if there is one (in-process clients of an embedded gateway read it here). */
    Optional<BearerToken> configuredToken();

    static AdminBootstrap configured(BearerToken token) {
        return new Configured(token);
    }

    static AdminBootstrap tokenFile(Path file) {
        return new TokenFile(file);
    }

    /** A token given by configuration. */
    record Configured(BearerToken token) implements AdminBootstrap {
        public Configured {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public BearerToken resolve(SecureRandom random) {
            return token;
        }

        @Override
        public Optional<BearerToken> configuredToken() {
            return Optional.of(token);
        }
    }

    /** The token kept in {@code file}: read when it exists, otherwise generated and written there once. */
    record TokenFile(Path file) implements AdminBootstrap {

        private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);
        static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

        public TokenFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public BearerToken resolve(SecureRandom random) {
            try {
                if (Files.exists(file)) {
                    logger.info("Bootstrap admin token read from file [file={}]", file.toAbsolutePath());
                    return BearerToken.configured(Files.readString(file, StandardCharsets.UTF_8));
                }
                BearerToken token = BearerToken.generate(BearerToken.Kind.OPERATOR, random);
                write(token);
                logger.warn("No admin token configured: generated one for the bootstrap admin and wrote it to a file"
                        + " only its owner can read [file={}]", file.toAbsolutePath());
                return token;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or write the admin token file " + file.toAbsolutePath(), e);
            }
        }

        @Override
        public Optional<BearerToken> configuredToken() {
            return Optional.empty();
        }

        private void write(BearerToken token) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = Files.getFileStore(parent == null ? file.toAbsolutePath() : parent)
                    .supportsFileAttributeView("posix");
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                if (!(file.toFile().setReadable(false, false) && file.toFile().setReadable(true, true)
                        && file.toFile().setWritable(false, false) && file.toFile().setWritable(true, true))) {
                    throw new IOException("cannot make " + file + " readable by its owner only");
                }
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                out.write(token.reveal());
                out.write('\n');
            }
        }
    }
}
