package org.faregate.gateway.credentials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.IssuerKeyList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's signing keys, from the {@code issuer_keys} table; the first start generates key 1.
 * This is the embedded/development key store: private scalars sit in the database. Production keeps
 * them in an HSM and signs there; only key ids and public keys belong in the database.
 */
public final class IssuerKeyStore {

    private static final Logger logger = LoggerFactory.getLogger(IssuerKeyStore.class);

    /** One issuer key; its {@code toString} shows only the public key. */
    public record IssuerKey(KeyId id, SigningKey signingKey) {
        public IssuerKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(signingKey, "signingKey");
        }
    }

    private final List<IssuerKey> keys;

    private IssuerKeyStore(List<IssuerKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Loads the keys, generating the first one if there is none (nodes starting together agree on one). */
    public static IssuerKeyStore open(Database database, SecureRandom random, InstantSource clock) {
        List<IssuerKey> keys = database.inTransaction(IssuerKeyStore::load);
        if (keys.isEmpty()) {
            SigningKey generated = SigningKey.generate(random);
            boolean created = database.inTransaction(connection -> insertFirst(connection, generated, clock));
            if (created) {
                logger.info("Issuer key created [keyId=1, publicKey={}]", generated.verifyingKey().compressed().toHex());
            }
            keys = database.inTransaction(IssuerKeyStore::load);
        }
        logger.info("Issuer keys loaded [count={}, current={}]", keys.size(), keys.get(keys.size() - 1).id());
        return new IssuerKeyStore(keys);
    }

    /** The key that signs new credentials: the highest key id. */
    public IssuerKey current() {
        return keys.get(keys.size() - 1);
    }

    /** Every key gates should trust, public halves only. */
    public IssuerKeyList publicKeys() {
        return new IssuerKeyList(keys.stream()
                .map(key -> new IssuerKeyList.Entry(key.id(), key.signingKey().verifyingKey().compressed().toHex()))
                .toList());
    }

    private static List<IssuerKey> load(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select key_id, private_scalar from issuer_keys order by key_id");
             ResultSet row = select.executeQuery()) {
            List<IssuerKey> keys = new ArrayList<>();
            while (row.next()) {
                keys.add(new IssuerKey(KeyId.of(row.getLong("key_id")),
                        SigningKey.fromScalar(Bytes.parseHex(row.getString("private_scalar")))));
            }
            return keys;
        }
    }

    private static boolean insertFirst(Connection connection, SigningKey key, InstantSource clock) throws SQLException {
        String sql = "insert into issuer_keys (key_id, public_key, private_scalar, created_at) values (1, ?, ?, ?)"
                + " on conflict do nothing";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key.verifyingKey().compressed().toHex());
            insert.setString(2, key.exportScalar().toHex());
            Columns.setInstant(insert, 3, clock.instant());
            return insert.executeUpdate() == 1;
        }
    }
}
