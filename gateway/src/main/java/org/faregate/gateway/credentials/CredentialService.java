package org.faregate.gateway.credentials;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.gateway.accounts.Account;
import org.faregate.gateway.accounts.SqlAccounts;
import org.faregate.gateway.deny.DenyReasons;
import org.faregate.gateway.deny.DenyService;
import org.faregate.gateway.deny.SqlDenyList;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.MediaType;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.DenyChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues credentials: binds a device key to an account with the account's rider category, signed by the
 * current issuer key. A credential issued to a denied account is denied from the start. Blocking.
 */
public final class CredentialService {

    private static final Logger logger = LoggerFactory.getLogger(CredentialService.class);

    private final Database database;
    private final SqlAccounts accounts;
    private final SqlDenyList denyList;
    private final DenyService denyService;
    private final IssuerKeyStore keys;
    private final CredentialPolicy policy;
    private final SecureRandom random;
    private final InstantSource clock;

    public CredentialService(Database database, SqlAccounts accounts, SqlDenyList denyList, DenyService denyService,
                             IssuerKeyStore keys, CredentialPolicy policy, SecureRandom random, InstantSource clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.denyList = Objects.requireNonNull(denyList, "denyList");
        this.denyService = Objects.requireNonNull(denyService, "denyService");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Accounts.IssuedCredential issue(AccountId accountId, Accounts.CredentialRequest request) {
        MediaType media = MediaType.findById(request.media()).orElseThrow(() -> new RefusedException(
                Refusal.MALFORMED_REQUEST, "media: must be phone or card, not '" + request.media() + "'"));
        VerifyingKey deviceKey = deviceKey(request.devicePublicKey());
        CredentialId id = CredentialId.random(random);
        record Issued(Credential credential, List<DenyChange> denyChanges) {
        }
        Issued issued = database.inTransaction(connection -> {
            Account account = accounts.lock(connection, accountId).orElseThrow(() -> new RefusedException(
                    Refusal.UNKNOWN_ACCOUNT, "no account " + accountId));
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            IssuerKeyStore.IssuerKey key = keys.current();
            Credential credential = Credential.issue(key.id(), key.signingKey(), id, accountId, account.category(),
                    media, now, now.plus(policy.validity(media)), policy.maxPresentations(media), deviceKey);
            insert(connection, credential);
            if (!account.denied()) {
                return new Issued(credential, List.of());
            }
            return new Issued(credential, List.of(
                    denyList.write(connection, id, true, DenyReasons.BALANCE_BELOW_FLOOR, now)));
        });
        denyService.publish(issued.denyChanges());
        logger.info("Credential issued [account={}, credential={}, media={}]", accountId, id.masked(), media.id());
        Credential credential = issued.credential();
        return new Accounts.IssuedCredential(id, credential.encoded().toHex(), credential.validUntil());
    }

    private static VerifyingKey deviceKey(String hex) {
        try {
            return VerifyingKey.parse(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.MALFORMED_REQUEST,
                    "devicePublicKey: not a hex SEC1 P-256 point (" + e.getMessage() + ")", e);
        }
    }

    private static void insert(Connection connection, Credential credential) throws SQLException {
        String sql = "insert into credentials (credential_id, account_id, media, device_key, issuer_key_id,"
                + " valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, credential.id().value());
            insert.setLong(2, credential.account().value());
            insert.setString(3, credential.media().id());
            insert.setString(4, credential.devicePublicKey().toHex());
            insert.setLong(5, credential.issuerKeyId().value());
            Columns.setInstant(insert, 6, credential.validFrom());
            Columns.setInstant(insert, 7, credential.validUntil());
            insert.executeUpdate();
        }
    }
}
