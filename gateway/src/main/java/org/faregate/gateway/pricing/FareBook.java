package org.faregate.gateway.pricing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.faregate.fares.FareConfig;
import org.faregate.fares.FareConfigException;
import org.faregate.fares.FareRules;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fare rules in force: the latest version in {@code fare_rules}. Every pricing transaction asks
 * {@link #current(Connection)}, which notices a version uploaded through another gateway node. The
 * configured text only seeds an empty database; afterwards the database is the record.
 */
public final class FareBook {

    private static final Logger logger = LoggerFactory.getLogger(FareBook.class);

    /** One stored version of the rules. */
    public record Version(long version, String body, Instant uploadedAt) {
    }

    private record Loaded(Version version, FareRules rules) {
    }

    private final Database database;
    private final Currency currency;
    private final InstantSource clock;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    private FareBook(Database database, Currency currency, InstantSource clock) {
        this.database = database;
        this.currency = currency;
        this.clock = clock;
    }

    /** Loads the latest rules, storing {@code seedText} as version 1 if there are none; bad seed text fails. */
    public static FareBook open(Database database, String seedText, Currency currency, InstantSource clock) {
        FareBook book = new FareBook(Objects.requireNonNull(database, "database"),
                Objects.requireNonNull(currency, "currency"), Objects.requireNonNull(clock, "clock"));
        book.database.inTransaction(connection -> {
            if (latestVersion(connection).isEmpty()) {
                try {
                    book.check(seedText);
                } catch (FareRulesRejectedException e) {
                    throw new IllegalArgumentException("configured fare rules are unusable: " + e.problems(), e);
                }
                book.insert(connection, seedText);
            }
            return book.current(connection);
        });
        logger.info("Fare rules loaded [version={}]", book.loaded.get().version().version());
        return book;
    }

    /** The rules in force, reloaded if another node stored a newer version. */
    public FareRules current(Connection connection) throws SQLException {
        long latest = latestVersion(connection).orElseThrow(() -> new SQLException("fare_rules is empty"));
        Loaded known = loaded.get();
        if (known != null && known.version().version() == latest) {
            return known.rules();
        }
        Version version = read(connection, latest);
        try {
            Loaded fresh = new Loaded(version, FareConfig.parse(version.body()));
            loaded.set(fresh);
            return fresh.rules();
        } catch (FareConfigException e) {
            throw new IllegalStateException("stored fare rules version " + latest + " no longer parse", e);
        }
    }

    /** The version in force as this node last loaded it. */
    public Version currentVersion() {
        return loaded.get().version();
    }

    /** Checks and stores new rules, which then price every later ingest; refused rules change nothing. */
    public Version upload(String text) {
        FareRules rules = check(text);
        Version version = database.inTransaction(connection -> insert(connection, text));
        loaded.set(new Loaded(version, rules));
        logger.info("Fare rules uploaded [version={}]", version.version());
        return version;
    }

    private FareRules check(String text) {
        FareRules rules;
        try {
            rules = FareConfig.parse(text);
        } catch (FareConfigException e) {
            throw new FareRulesRejectedException(e.problems().stream().map(FareRulesRejectedException.Problem::of).toList());
        }
        if (!rules.currency().equals(currency)) {
            throw new FareRulesRejectedException(List.of(new FareRulesRejectedException.Problem(0, "currency",
                    "currency_mismatch", "the gateway charges in " + currency.getCurrencyCode() + ", these rules in "
                    + rules.currency().getCurrencyCode())));
        }
        return rules;
    }

    private Version insert(Connection connection, String text) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into fare_rules (body, uploaded_at) values (?, ?)", new String[] {"version"})) {
            insert.setString(1, text);
            Columns.setInstant(insert, 2, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no version generated for the fare rules");
                }
                return new Version(keys.getLong(1), text, now);
            }
        }
    }

    private static Optional<Long> latestVersion(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select max(version) from fare_rules");
             ResultSet row = select.executeQuery()) {
            row.next();
            long version = row.getLong(1);
            return row.wasNull() ? Optional.empty() : Optional.of(version);
        }
    }

    private static Version read(Connection connection, long version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select version, body, uploaded_at from fare_rules where version = ?")) {
            select.setLong(1, version);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("fare rules version " + version + " vanished");
                }
                return new Version(row.getLong("version"), row.getString("body"), Columns.getInstant(row, "uploaded_at"));
            }
        }
    }
}
