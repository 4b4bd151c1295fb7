package org.faregate.gateway.pricing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.faregate.gateway.pricing.PeriodPricer.StoredTap;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;

/**
 * The taps a queue row carries ({@code pricing_work.taps}), as JSON. A row of one account-day (a scheduled
 * repricing, a retry, or a row queued before rows held a batch) carries an array of
 * {@code [tap id, time, station, direction, route or null]}, each tap as pricing reads it from {@code taps};
 * the time in microseconds since 1970 (the database's precision), or as ISO-8601 text in rows queued by a
 * gateway before 2026-11-25 (parsing that text was half of decoding, 7 % of the pricer's time). A row of a
 * batch carries every account-day of the batch in one bucket: an array of
 * {@code [account id, service day as days since 1970, taps as above]}. Written and read token by token.
 * The queue is written only by this gateway, so a row that does not decode is a bug, reported as such.
 */
final class QueuedTaps {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long MICROS_PER_SECOND = 1_000_000;

    private QueuedTaps() {
    }

    /** An account-day's taps in a batch's row. */
    record AccountDayTaps(AccountId account, LocalDate serviceDay, List<StoredTap> taps) {
        AccountDayTaps {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(serviceDay, "serviceDay");
            taps = List.copyOf(taps);
        }
    }

    static String encode(List<StoredTap> taps) {
        return json(taps.size() * 100 + 2, out -> writeTaps(out, taps));
    }

    static List<StoredTap> decode(String json) {
        try (JsonParser in = JSON.createParser(json)) {
            expect(in, JsonToken.START_ARRAY);
            return readTaps(in);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw undecodable(e);
        }
    }

    static String encodeBatch(List<AccountDayTaps> parts) {
        return json(parts.stream().mapToInt(part -> part.taps().size() * 100 + 30).sum() + 2, out -> {
            out.writeStartArray();
            for (AccountDayTaps part : parts) {
                out.writeStartArray();
                out.writeNumber(part.account().value());
                out.writeNumber(part.serviceDay().toEpochDay());
                writeTaps(out, part.taps());
                out.writeEndArray();
            }
            out.writeEndArray();
        });
    }

    @FunctionalInterface
    private interface Writing {
        void write(JsonGenerator out) throws IOException;
    }

    private static String json(int capacity, Writing writing) {
        StringWriter text = new StringWriter(capacity);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            writing.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode queued taps", e);
        }
        return text.toString();
    }

    static List<AccountDayTaps> decodeBatch(String json) {
        try (JsonParser in = JSON.createParser(json)) {
            expect(in, JsonToken.START_ARRAY);
            List<AccountDayTaps> parts = new ArrayList<>();
            while (in.nextToken() == JsonToken.START_ARRAY) {
                AccountId account = AccountId.of(number(in));
                LocalDate day = LocalDate.ofEpochDay(number(in));
                expect(in, JsonToken.START_ARRAY);
                parts.add(new AccountDayTaps(account, day, readTaps(in)));
                expect(in, JsonToken.END_ARRAY);
            }
            if (in.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("expected an account-day's array, found " + in.currentToken());
            }
            return parts;
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw undecodable(e);
        }
    }

    private static void writeTaps(JsonGenerator out, List<StoredTap> taps) throws IOException {
        out.writeStartArray();
        for (StoredTap tap : taps) {
            out.writeStartArray();
            out.writeString(tap.tapId().toString());
            out.writeNumber(Math.addExact(Math.multiplyExact(tap.at().getEpochSecond(), MICROS_PER_SECOND),
                    tap.at().getNano() / 1_000));
            out.writeString(tap.station().value());
            out.writeString(tap.direction().code());
            out.writeString(tap.routeId().orElse(null));
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    /** The taps of an array whose start the parser has just read, up to and including its end. */
    private static List<StoredTap> readTaps(JsonParser in) throws IOException {
        List<StoredTap> taps = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_ARRAY) {
            TapId id = new TapId(UUID.fromString(text(in)));
            Instant at = time(in);
            StationId station = StationId.of(text(in));
            Direction direction = Direction.parse(text(in));
            Optional<String> route = Optional.ofNullable(in.nextToken() == JsonToken.VALUE_NULL ? null : in.getText());
            expect(in, JsonToken.END_ARRAY);
            taps.add(new StoredTap(id, at, station, direction, route, null));
        }
        if (in.currentToken() != JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("expected a tap's array, found " + in.currentToken());
        }
        return taps;
    }

    private static IllegalStateException undecodable(Exception e) {
        return new IllegalStateException("a pricing_work row's taps do not decode: " + e.getMessage(), e);
    }

    private static long number(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("expected a whole number, found " + in.currentToken());
        }
        return in.getLongValue();
    }

    private static Instant time(JsonParser in) throws IOException {
        JsonToken token = in.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            long micros = in.getLongValue();
            return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                    Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
        }
        if (token == JsonToken.VALUE_STRING) {
            return Instant.parse(in.getText());
        }
        throw new IllegalArgumentException("expected a tap's time, found " + token);
    }

    private static String text(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("expected text, found " + in.currentToken());
        }
        return in.getText();
    }

    private static void expect(JsonParser in, JsonToken wanted) throws IOException {
        if (in.nextToken() != wanted) {
            throw new IllegalArgumentException("expected " + wanted + ", found " + in.currentToken());
        }
    }
}
