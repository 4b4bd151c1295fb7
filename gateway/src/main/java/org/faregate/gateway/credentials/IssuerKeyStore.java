package org.faregate.gateway.credentials;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.feed.KeyListSignatures;
import org.faregate.protocol.wire.IssuerKeyList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's signing keys, from the {@code issuer_keys} table; the first start generates key 1.
 *
 * <p>Rotation: {@link #rotate} adds key n+1 that gates learn at once but that signs new credentials only from
 * its {@code signsFrom} (by default a day later, so gates that sync daily know it before they see it); from
 * then the older keys only verify. {@link #retire} sets the time from which a key is no longer published and
 * gates refuse what it signed (credentials it signed must have expired or been reissued by then; a
 * compromised key is retired at once). The list gates fetch is signed by every published key, so a gate that
 * trusts any of them takes the next list.
 *
 * <p>Several gateway nodes share the table: each reloads it when its copy is older than {@link #RELOAD_AFTER}
 * and at once after a change made through it. This is the embedded/development key store: private scalars
 * sit in the database. Production keeps them in an HSM and signs there.
 */
public final class IssuerKeyStore {

    public static final Duration DEFAULT_PROPAGATION = Duration.ofDays(1);
    static final Duration RELOAD_AFTER = Duration.ofSeconds(5);
    static final Duration RESIGN_AFTER = Duration.ofMinutes(1);
    private static final Logger logger = LoggerFactory.getLogger(IssuerKeyStore.class);

    /** One issuer key; its {@code toString} shows only the public key. */
    public record IssuerKey(KeyId id, SigningKey signingKey, Instant signsFrom, Optional<Instant> retireAt) {
        public IssuerKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(signingKey, "signingKey");
            Objects.requireNonNull(signsFrom, "signsFrom");
            Objects.requireNonNull(retireAt, "retireAt");
        }

        public IssuerKey(KeyId id, SigningKey signingKey) {
            this(id, signingKey, Instant.EPOCH, Optional.empty());
        }

        boolean retiredAt(Instant now) {
            return retireAt.isPresent() && !now.isBefore(retireAt.get());
        }

        /** pending (published, not signing yet), signing, verifying (a newer key signs), or retired. */
        String state(Instant now, KeyId signer) {
            if (retiredAt(now)) {
                return "retired";
            }
            if (now.isBefore(signsFrom)) {
                return "pending";
            }
            return id.equals(signer) ? "signing" : "verifying";
        }

        String publicKeyHex() {
            return signingKey.verifyingKey().compressed().toHex();
        }
    }

    /** What an operator sees of a key: never the private half. */
    public record KeyView(KeyId keyId, String publicKey, Instant signsFrom, Instant retireAt, String state) {
    }

    private record Loaded(List<IssuerKey> keys, Instant at) {
    }

    /** The signed list as last published, with the keys it was made from. */
    private record Published(IssuerKeyList list, List<IssuerKey> from, Instant at) {
    }

    private final Database database;
    private final SecureRandom random;
    private final InstantSource clock;
    private volatile Loaded loaded;
    private volatile Published published;

    private IssuerKeyStore(Database database, SecureRandom random, InstantSource clock) {
        this.database = database;
        this.random = random;
        this.clock = clock;
    }

    /** Loads the keys, generating the first one if there is none (nodes starting together agree on one). */
    public static IssuerKeyStore open(Database database, SecureRandom random, InstantSource clock) {
        IssuerKeyStore store = new IssuerKeyStore(database, random, clock);
        List<IssuerKey> keys = store.reload();
        if (keys.isEmpty()) {
            SigningKey generated = SigningKey.generate(random);
            boolean created = database.inTransaction(connection -> insert(connection, KeyId.of(1), generated,
                    clock.instant(), clock.instant(), true));
            if (created) {
                logger.info("Issuer key created [keyId=1, publicKey={}]", generated.verifyingKey().compressed().toHex());
            }
            keys = store.reload();
        }
        logger.info("Issuer keys loaded [count={}, signing={}]", keys.size(), store.current().id());
        return store;
    }

    /** The key that signs new credentials now: the newest key whose signing has begun and that is not retired. */
    public IssuerKey current() {
        Instant now = clock.instant();
        return signer(keys(), now).orElseThrow(() -> new RefusedException(Refusal.STORE_UNAVAILABLE,
                "no issuer key may sign at " + now + ": every key is pending or retired"));
    }

    /**
     * Every key gates should trust now (public halves, retirement dates), signed by each of them. The signed list
     * is reused until the keys change or it is {@link #RESIGN_AFTER} old: every gate polls it, and signing it
     * for each poll cost about a millisecond of CPU per request.
     */
    public IssuerKeyList publicKeys() {
        Instant now = clock.instant();
        List<IssuerKey> keys = keys();
        Published last = published;
        if (last != null && fingerprint(last.from()).equals(fingerprint(keys))
                && now.isBefore(last.at().plus(RESIGN_AFTER)) && !anyRetiredSince(keys, last.at(), now)) {
            return last.list();
        }
        IssuerKeyList list = sign(keys, now);
        published = new Published(list, keys, now);
        return list;
    }

    /** What a published list depends on: each key's id, public key, start and retirement. */
    private static List<String> fingerprint(List<IssuerKey> keys) {
        return keys.stream().map(key -> key.id() + "/" + key.publicKeyHex() + "/" + key.signsFrom() + "/"
                + key.retireAt().map(Instant::toString).orElse("")).toList();
    }

    private static boolean anyRetiredSince(List<IssuerKey> keys, Instant then, Instant now) {
        return keys.stream().anyMatch(key -> !key.retiredAt(then) && key.retiredAt(now));
    }

    private static IssuerKeyList sign(List<IssuerKey> keys, Instant now) {
        List<IssuerKeyList.Entry> entries = new ArrayList<>();
        Map<KeyId, SigningKey> signers = new LinkedHashMap<>();
        for (IssuerKey key : keys) {
            if (!key.retiredAt(now)) {
                entries.add(new IssuerKeyList.Entry(key.id(), key.publicKeyHex(), key.retireAt().orElse(null)));
                signers.put(key.id(), key.signingKey());
            }
        }
        return KeyListSignatures.sign(new IssuerKeyList(entries), now, signers);
    }

    /** Every key with its state, for operators. */
    public List<KeyView> describe() {
        Instant now = clock.instant();
        List<IssuerKey> keys = keys();
        KeyId signer = signer(keys, now).map(IssuerKey::id).orElse(null);
        return keys.stream().map(key -> new KeyView(key.id(), key.publicKeyHex(), key.signsFrom(),
                key.retireAt().orElse(null), key.state(now, signer))).toList();
    }

    /** Adds the next key, signing from {@code signsFrom} (not before now). */
    public KeyView rotate(Optional<Instant> signsFrom) {
        Instant now = clock.instant();
        Instant from = signsFrom.orElse(now.plus(DEFAULT_PROPAGATION));
        if (from.isBefore(now)) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST, "signsFrom: " + from
                    + " is in the past; gates must learn a key before it signs");
        }
        SigningKey generated = SigningKey.generate(random);
        KeyId id = database.inTransaction(connection -> {
            KeyId next = KeyId.of(maxKeyId(connection) + 1);
            insert(connection, next, generated, from, now, false);
            return next;
        });
        reload();
        logger.info("Issuer key added [keyId={}, signsFrom={}, publicKey={}]", id, from,
                generated.verifyingKey().compressed().toHex());
        return describe().stream().filter(view -> view.keyId().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Retires a key at {@code at} (now if empty). Refused when no other key could sign from then on: rotate
     * first. Retiring again moves the date (earlier, for a compromised key).
     */
    public KeyView retire(KeyId id, Optional<Instant> at) {
        Instant when = at.orElse(clock.instant());
        List<IssuerKey> keys = reload();
        if (keys.stream().noneMatch(key -> key.id().equals(id))) {
            throw new RefusedException(Refusal.UNKNOWN_ISSUER_KEY, "no issuer key " + id);
        }
        boolean anotherSigns = keys.stream().anyMatch(key -> !key.id().equals(id) && !key.signsFrom().isAfter(when)
                && (key.retireAt().isEmpty() || key.retireAt().get().isAfter(when)));
        if (!anotherSigns) {
            throw new RefusedException(Refusal.KEY_ROTATION_CONFLICT, "retiring key " + id + " at " + when
                    + " would leave no key to sign credentials; add a key that signs by then first");
        }
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update issuer_keys set retire_at = ? where key_id = ?")) {
                Columns.setInstant(update, 1, when);
                update.setLong(2, id.value());
                return update.executeUpdate();
            }
        });
        reload();
        logger.warn("Issuer key retiring [keyId={}, at={}]", id, when);
        return describe().stream().filter(view -> view.keyId().equals(id)).findFirst().orElseThrow();
    }

    private static Optional<IssuerKey> signer(List<IssuerKey> keys, Instant now) {
        return keys.stream().filter(key -> !now.isBefore(key.signsFrom()) && !key.retiredAt(now))
                .max(Comparator.comparingLong(key -> key.id().value()));
    }

    private List<IssuerKey> keys() {
        Loaded current = loaded;
        if (current == null || !clock.instant().isBefore(current.at().plus(RELOAD_AFTER))) {
            return reload();
        }
        return current.keys();
    }

    private List<IssuerKey> reload() {
        List<IssuerKey> keys = database.inTransaction(IssuerKeyStore::load);
        loaded = new Loaded(keys, clock.instant());
        return keys;
    }

    private static List<IssuerKey> load(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select key_id, private_scalar, created_at, signs_from, retire_at from issuer_keys order by key_id");
             ResultSet row = select.executeQuery()) {
            List<IssuerKey> keys = new ArrayList<>();
            while (row.next()) {
                Instant signsFrom = Columns.getInstant(row, "signs_from");
                keys.add(new IssuerKey(KeyId.of(row.getLong("key_id")),
                        SigningKey.fromScalar(Bytes.parseHex(row.getString("private_scalar"))),
                        signsFrom == null ? Columns.getInstant(row, "created_at") : signsFrom,
                        Optional.ofNullable(Columns.getInstant(row, "retire_at"))));
            }
            return List.copyOf(keys);
        }
    }

    private static long maxKeyId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select max(key_id) from issuer_keys");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Inserts a key; with {@code onlyIfNone}, only when there is no key 1 yet (first start of several nodes). */
    private static boolean insert(Connection connection, KeyId id, SigningKey key, Instant signsFrom, Instant now,
                                  boolean onlyIfNone) throws SQLException {
        String sql = "insert into issuer_keys (key_id, public_key, private_scalar, created_at, signs_from)"
                + " values (?, ?, ?, ?, ?)" + (onlyIfNone ? " on conflict do nothing" : "");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, id.value());
            insert.setString(2, key.verifyingKey().compressed().toHex());
            insert.setString(3, key.exportScalar().toHex());
            Columns.setInstant(insert, 4, now);
            Columns.setInstant(insert, 5, signsFrom);
            return insert.executeUpdate() == 1;
        }
    }
}
