package org.faregate.gateway.pricing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.faregate.fares.FareRules;
import org.faregate.gateway.sql.Columns;
import org.faregate.gateway.sql.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of the fare rules, each effective from a time. A service day is priced by the version in
 * force at the day's start ({@link #rulesAt}): the latest effective time at or before it, the later upload
 * among equal times. A version is the interim key=value text ({@code config}) or a GTFS-Fares v2 feed
 * with the Faregate extension files ({@code gtfs}, the zip kept as base64). Every pricing transaction asks
 * the database, so a version uploaded through another gateway node applies everywhere. The configured
 * text only seeds an empty database, effective from the beginning; afterwards the database is the record.
 */
public final class FareBook {

    private static final Logger logger = LoggerFactory.getLogger(FareBook.class);

    /** One stored version of the rules. */
    public record Version(long version, String format, String body, Instant uploadedAt, Instant effectiveFrom) {
    }

    /** A version without its body, for listings. */
    public record Summary(long version, String format, Instant uploadedAt, Instant effectiveFrom) {
    }

    /** A stored upload, and the notices (warnings, information) that did not stop it. */
    public record Uploaded(Version version, List<FareRulesRejectedException.Problem> notices) {
    }

    /** The seed rules apply to every tap before the first uploaded version takes effect. */
    static final Instant SEED_EFFECTIVE_FROM = Instant.EPOCH;

    private final Database database;
    private final Currency currency;
    private final InstantSource clock;
    private final Map<Long, FareRules> parsed = new ConcurrentHashMap<>();

    private FareBook(Database database, Currency currency, InstantSource clock) {
        this.database = database;
        this.currency = currency;
        this.clock = clock;
    }

    /** Opens the book, storing {@code seedText} as version 1 if there are none; bad seed text fails. */
    public static FareBook open(Database database, String seedText, Currency currency, InstantSource clock) {
        FareBook book = new FareBook(Objects.requireNonNull(database, "database"),
                Objects.requireNonNull(currency, "currency"), Objects.requireNonNull(clock, "clock"));
        Version inForce = book.database.inTransaction(connection -> {
            if (versionAt(connection, clock.instant()).isEmpty()) {
                try {
                    RulesParser.parse(RulesParser.CONFIG, seedText, currency);
                } catch (FareRulesRejectedException e) {
                    throw new IllegalArgumentException("configured fare rules are unusable: " + e.problems(), e);
                }
                book.insert(connection, RulesParser.CONFIG, seedText, SEED_EFFECTIVE_FROM);
            }
            return read(connection, versionAt(connection, clock.instant()).orElseThrow());
        });
        logger.info("Fare rules loaded [version={}, format={}, effectiveFrom={}]", inForce.version(),
                inForce.format(), inForce.effectiveFrom());
        return book;
    }

    /** The rules that price the service day starting at {@code periodStart}. */
    public FareRules rulesAt(Connection connection, Instant periodStart) throws SQLException {
        long version = versionAt(connection, periodStart)
                .orElseThrow(() -> new SQLException("fare_rules is empty"));
        FareRules known = parsed.get(version);
        if (known != null) {
            return known;
        }
        Version stored = read(connection, version);
        try {
            FareRules rules = RulesParser.parse(stored.format(), stored.body(), currency).rules();
            parsed.put(version, rules);
            return rules;
        } catch (FareRulesRejectedException e) {
            throw new IllegalStateException("stored fare rules version " + version + " no longer load: "
                    + e.problems(), e);
        }
    }

    /** The version in force now. Blocking. */
    public Version versionInForce() {
        return database.inTransaction(connection -> read(connection, versionAt(connection, clock.instant())
                .orElseThrow(() -> new SQLException("fare_rules is empty"))));
    }

    /** Every stored version, oldest first. Blocking. */
    public List<Summary> versions() {
        return database.inTransaction(connection -> {
            List<Summary> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select version, format, uploaded_at, effective_from from fare_rules order by version");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(new Summary(rows.getLong("version"), rows.getString("format"),
                            Columns.getInstant(rows, "uploaded_at"), Columns.getInstant(rows, "effective_from")));
                }
            }
            return all;
        });
    }

    /**
     * Checks and stores uploaded rules — a zip is a GTFS-Fares v2 feed, anything else the key=value text —
     * in force for service days starting at or after {@code effectiveFrom}; refused rules change nothing.
     * Days already priced are repriced when their next tap arrives. Blocking.
     */
    public Uploaded upload(byte[] upload, Instant effectiveFrom) {
        String format = RulesParser.formatOf(upload);
        String body = format.equals(RulesParser.GTFS) ? Base64.getEncoder().encodeToString(upload)
                : new String(upload, StandardCharsets.UTF_8);
        RulesParser.Parsed rules = RulesParser.parse(format, body, currency);
        Version version = database.inTransaction(connection -> insert(connection, format, body, effectiveFrom));
        parsed.put(version.version(), rules.rules());
        logger.info("Fare rules uploaded [version={}, format={}, effectiveFrom={}]", version.version(), format,
                effectiveFrom);
        return new Uploaded(version, rules.notices());
    }

    /** Whether uploaded bytes are a zip (a GTFS feed) rather than the key=value text. */
    public static boolean isZip(byte[] upload) {
        return RulesParser.formatOf(upload).equals(RulesParser.GTFS);
    }

    private Version insert(Connection connection, String format, String body, Instant effectiveFrom)
            throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement("insert into fare_rules"
                + " (format, body, uploaded_at, effective_from) values (?, ?, ?, ?)", new String[] {"version"})) {
            insert.setString(1, format);
            insert.setString(2, body);
            Columns.setInstant(insert, 3, now);
            Columns.setInstant(insert, 4, effectiveFrom);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no version generated for the fare rules");
                }
                return new Version(keys.getLong(1), format, body, now, effectiveFrom);
            }
        }
    }

    /** The version in force at {@code at}; before any version's effective time, the first version. */
    private static Optional<Long> versionAt(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select version from fare_rules"
                + " where effective_from <= ? order by effective_from desc, version desc limit 1")) {
            Columns.setInstant(select, 1, at);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return Optional.of(row.getLong(1));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select min(version) from fare_rules");
             ResultSet row = select.executeQuery()) {
            row.next();
            long version = row.getLong(1);
            return row.wasNull() ? Optional.empty() : Optional.of(version);
        }
    }

    private static Version read(Connection connection, long version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select version, format, body, uploaded_at, effective_from from fare_rules where version = ?")) {
            select.setLong(1, version);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("fare rules version " + version + " vanished");
                }
                return new Version(row.getLong("version"), row.getString("format"), row.getString("body"),
                        Columns.getInstant(row, "uploaded_at"), Columns.getInstant(row, "effective_from"));
            }
        }
    }
}
